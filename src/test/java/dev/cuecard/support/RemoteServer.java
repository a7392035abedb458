package dev.cuecard.support;

import io.vertx.core.Vertx;

import java.net.URI;

/** A server (or a balancer in front of several) that a test reaches only over the network. */
public final class RemoteServer extends ServerHandle {
  private final Vertx vertx;
  private final int port;

  public RemoteServer(Vertx vertx, URI base) {
    this.vertx = vertx;
    this.port = base.getPort();
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }
}
