package dev.tarmac.scaffolder.engine;

import dev.tarmac.sdk.scaffolder.FileSource;
import dev.tarmac.sdk.scaffolder.ScaffolderException;
import dev.tarmac.shared.UrlReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Relative URLs read from the template's own location; absolute http(s) URLs read single files from
 * hosts on {@code tarmac.reading.allow} (text only; directories need a relative URL).
 */
public final class AllowedHostsFileSource implements FileSource {

  private final FileSource local;
  private final UrlReader reader;

  /** Wraps the template's own files. */
  public AllowedHostsFileSource(FileSource local, UrlReader reader) {
    this.local = local;
    this.reader = reader;
  }

  @Override
  public Map<String, byte[]> directory(String url, String where) {
    if (absolute(url)) {
      throw new ScaffolderException(
          where, "cannot list the directory " + url + "; only single files are read from URLs");
    }
    return local.directory(url, where);
  }

  @Override
  public byte[] file(String url, String where) {
    if (!absolute(url)) {
      return local.file(url, where);
    }
    URI uri = URI.create(url);
    if (!reader.allowed(uri)) {
      throw new ScaffolderException(
          where, "reading " + url + " is not allowed (tarmac.reading.allow)");
    }
    try {
      return reader.read(uri, null).text().getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      throw new ScaffolderException(where, "cannot read " + url + ": " + e.getMessage(), e);
    }
  }

  private static boolean absolute(String url) {
    return url.startsWith("http://") || url.startsWith("https://");
  }
}
