package io.lenetedge.edge.http;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Who may use the live view's write endpoints ({@code POST /trigger} and any other that changes
 * the running service): with {@code --http-token-file}, only a request carrying
 * {@code Authorization: Bearer TOKEN} (compared in constant time); without one, anybody on
 * loopback, and nobody when the server listens beyond loopback.
 */
public final class WriteAccess {
  static final int MIN_TOKEN = 16;
  private static final String SCHEME = "Bearer ";

  /** What a write request gets. */
  public enum Verdict {
    /** Allowed. */
    ALLOWED,
    /** No or a wrong token: 401. */
    UNAUTHORIZED,
    /** Writes are off (beyond loopback, no token file): 403. */
    OFF
  }

  private final byte[] token;
  private final boolean off;

  private WriteAccess(byte[] token, boolean off) {
    this.token = token;
    this.off = off;
  }

  /** Anybody may write (loopback, no token): how the tests and a laptop run it. */
  public static WriteAccess open() {
    return new WriteAccess(null, false);
  }

  /**
   * The access for a server on {@code address} with the token in {@code tokenFile} (null: none).
   *
   * @throws UserError (USAGE) when the file cannot be read or holds no usable token
   */
  public static WriteAccess of(Path tokenFile, BindAddress address) {
    if (tokenFile == null) {
      return new WriteAccess(null, !address.loopback());
    }
    String text;
    try {
      text = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new UserError(USAGE, "--http-token-file " + tokenFile + ": no such file; write"
          + " a token of at least " + MIN_TOKEN + " characters into it (e.g. openssl rand -hex 24 > "
          + tokenFile + ")");
    } catch (IOException e) {
      throw new UserError(USAGE, "--http-token-file " + tokenFile + ": cannot read it ("
          + e.getMessage() + ")");
    }
    if (text.length() < MIN_TOKEN || text.chars().anyMatch(Character::isWhitespace)) {
      throw new UserError(USAGE, "--http-token-file " + tokenFile + ": the token must be one"
          + " word of at least " + MIN_TOKEN + " characters (e.g. openssl rand -hex 24)");
    }
    return new WriteAccess(text.getBytes(StandardCharsets.UTF_8), false);
  }

  /** The verdict for a request whose {@code Authorization} header is {@code authorization}. */
  public Verdict check(String authorization) {
    if (token == null) {
      return off ? Verdict.OFF : Verdict.ALLOWED;
    }
    if (authorization == null || !authorization.startsWith(SCHEME)) {
      return Verdict.UNAUTHORIZED;
    }
    byte[] given = authorization.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, given) ? Verdict.ALLOWED : Verdict.UNAUTHORIZED;
  }

  @Override
  public String toString() {
    return token != null ? "writes need the bearer token" : off ? "writes off (beyond loopback, no token)"
        : "writes open on loopback";
  }
}
