package dev.tarmac.catalog.store;

/**
 * A registered location.
 *
 * @param id uuid
 * @param type file, url or git
 * @param target where to read
 * @param origin {@code config} (from settings) or {@code api} (registered at run time)
 */
public record LocationRow(String id, String type, String target, String origin) {

  /** The key Backstage uses for this location: {@code type:target}. */
  public String key() {
    return type + ":" + target;
  }
}
