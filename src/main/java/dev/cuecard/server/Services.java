package dev.cuecard.server;

import dev.cuecard.auth.LoginThrottle;
import dev.cuecard.auth.PasswordHasher;
import dev.cuecard.auth.Revocations;
import dev.cuecard.auth.Tokens;
import dev.cuecard.config.Config;
import dev.cuecard.match.LiveBank;
import dev.cuecard.metrics.Metrics;
import dev.cuecard.session.Rooms;
import dev.cuecard.store.Coaching;
import dev.cuecard.store.Database;
import dev.cuecard.store.DrillHistory;
import dev.cuecard.store.Invites;
import dev.cuecard.store.MyAnswers;
import dev.cuecard.store.RememberedWordings;
import dev.cuecard.store.Sessions;
import dev.cuecard.store.Stories;
import dev.cuecard.store.Transcripts;
import dev.cuecard.store.UserBanks;
import dev.cuecard.store.Users;
import dev.cuecard.session.OwnCards;


/** Everything the HTTP and WebSocket handlers share; built once at start-up. */
record Services(
    io.vertx.core.Vertx vertx,
    Config config,
    Database db,
    Users users,
    Sessions sessions,
    Transcripts transcripts,
    Coaching coaching,
    Stories stories,
    MyAnswers myAnswers,
    UserBanks userBanks,
    RememberedWordings remembered,
    OwnCards ownCards,
    DrillHistory drillHistory,
    Invites invites,
    Tokens tokens,
    PasswordHasher hasher,
    HashPool hashPool,
    LoginThrottle throttle,
    Revocations revocations,
    LiveSockets liveSockets,
    ClientAddress clientAddress,
    HostPolicy hosts,
    LocalAccess localAccess,
    BrowserPolicy browserPolicy,
    AddressConnections addressConnections,
    LiveBank bank,
    Rooms rooms,
    Metrics metrics) {
}
