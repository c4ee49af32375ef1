package dev.tarmac.sdk.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads DevLake's simple fixture CSVs (no quoting) into rows keyed by column. */
final class Csv {

  private static final DateTimeFormatter LOOSE = DateTimeFormatter.ofPattern("yyyy-M-d H:m:s");

  private Csv() {}

  static List<Map<String, String>> read(String path) {
    try (InputStream in = Csv.class.getResourceAsStream("/fixtures/dora/devlake/" + path)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
      String[] head = lines[0].split(",", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        String[] cells = lines[i].split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int c = 0; c < head.length; c++) {
          row.put(head[c], c < cells.length ? cells[c] : "");
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** DevLake writes UTC times either ISO with offset or as 2023-4-10 6:51:47. */
  static Instant time(String v) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.contains("T")) {
      return OffsetDateTime.parse(v).toInstant();
    }
    return LocalDateTime.parse(v, LOOSE).toInstant(ZoneOffset.UTC);
  }
}
