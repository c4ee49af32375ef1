package dev.tarmac.sdk.catalog;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a string is an absolute URL, close to what JavaScript's {@code new URL(s)} (the WHATWG
 * parser Backstage relies on) accepts: a scheme is required; http, https, ws, wss and ftp URLs also
 * need a host; other schemes ({@code mailto:}, {@code file:}, …) need nothing more.
 */
final class Urls {

  private static final Pattern SCHEME =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$", Pattern.DOTALL);
  private static final Set<String> NEED_HOST = Set.of("http", "https", "ws", "wss", "ftp");
  private static final Pattern PORT = Pattern.compile("^[0-9]{0,5}$");

  /** The WHATWG "forbidden host code points" (plus '%'), which a host may not contain. */
  private static final Pattern BAD_HOST = Pattern.compile("[\\x00-\\x20#%/:<>?@\\[\\\\\\]^|]");

  private Urls() {}

  static boolean isValid(String url) {
    Matcher m = SCHEME.matcher(url.strip());
    if (!m.matches()) {
      return false;
    }
    if (!NEED_HOST.contains(m.group(1).toLowerCase(Locale.ROOT))) {
      return true;
    }
    String rest = m.group(2).replaceFirst("^[/\\\\]*", "");
    int end = rest.length();
    for (char c : new char[] {'/', '\\', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String authority = rest.substring(0, end);
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close > 1 && (close == host.length() - 1 || host.charAt(close + 1) == ':');
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0) {
      String port = host.substring(colon + 1);
      if (!PORT.matcher(port).matches() || (!port.isEmpty() && Integer.parseInt(port) > 65535)) {
        return false;
      }
      host = host.substring(0, colon);
    }
    return !host.isEmpty() && !BAD_HOST.matcher(host).find();
  }
}
