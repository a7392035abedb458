package dev.cuecard.support;

import io.vertx.core.Vertx;

import java.net.URI;

/** A server (or a balancer in front of several) that a test reaches only over the network; {@link ChildServer} is one it also started. */
public class RemoteServer extends ServerHandle {
  private final Vertx vertx;
  private final int port;

  public RemoteServer(Vertx vertx, URI base) {
    this(vertx, base.getPort());
  }

  protected RemoteServer(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
  }

  @Override
  public final int port() {
    return port;
  }

  @Override
  public final Vertx vertx() {
    return vertx;
  }
}
