package dev.tarmac.sdk.scaffolder;

import java.util.Map;

/**
 * Where {@code fetch:*} actions read: the template's own location (relative URLs) and, on a server,
 * allowed hosts.
 */
public interface FileSource {

  /**
   * Every file under a directory URL, by path relative to it with '/' separators.
   *
   * @throws ScaffolderException when the URL cannot be read or is not allowed
   */
  Map<String, byte[]> directory(String url, String where);

  /** One file's bytes. */
  byte[] file(String url, String where);
}
