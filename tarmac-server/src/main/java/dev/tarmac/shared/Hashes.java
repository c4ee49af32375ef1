package dev.tarmac.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes used to skip work on unchanged input. */
public final class Hashes {

  private Hashes() {}

  /** SHA-256 of the UTF-8 text, as lower-case hex. */
  public static String sha256(String text) {
    return digest("SHA-256", text);
  }

  /** SHA-1 of the UTF-8 text, as lower-case hex (Backstage's generated location names). */
  public static String sha1(String text) {
    return digest("SHA-1", text);
  }

  private static String digest(String algorithm, String text) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JRE", e);
    }
  }
}
