package dev.tarmac.catalog.web;

import dev.tarmac.catalog.CatalogException;
import dev.tarmac.catalog.ingest.Annotations;
import dev.tarmac.catalog.ingest.EntityProcessor;
import dev.tarmac.catalog.ingest.FileRoots;
import dev.tarmac.catalog.ingest.Processed;
import dev.tarmac.catalog.ingest.ProcessingError;
import dev.tarmac.catalog.ingest.Registrations;
import dev.tarmac.catalog.ingest.SourceFile;
import dev.tarmac.catalog.ingest.SourceReaders;
import dev.tarmac.catalog.store.LocationRow;
import dev.tarmac.catalog.store.Locations;
import dev.tarmac.sdk.catalog.EntityDocument;
import dev.tarmac.sdk.catalog.EntityYaml;
import dev.tarmac.shared.ReadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code validate-entity} and {@code analyze-location}: checks that store nothing. */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
class ValidationController {

  private final EntityProcessor processor;
  private final SourceReaders readers;
  private final Locations locations;
  private final FileRoots roots;

  ValidationController(
      EntityProcessor processor, SourceReaders readers, Locations locations, FileRoots roots) {
    this.processor = processor;
    this.readers = readers;
    this.locations = locations;
    this.roots = roots;
  }

  @PostMapping(path = "/validate-entity", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> validate(@RequestBody JsonNode body) {
    Requests.requireObject(body);
    String location = body.path("location").asString("");
    if (!location.startsWith("url:")) {
      throw CatalogException.input(
          "Invalid location ref '" + location + "', only 'url:<target>' is supported");
    }
    if (!(body.get("entity") instanceof ObjectNode entity)) {
      throw CatalogException.input("Invalid body: entity must be an object");
    }
    ObjectNode copy = entity.deepCopy();
    if (copy.path("metadata").isObject()) {
      Annotations.set(copy, Annotations.LOCATION, location);
      Annotations.set(copy, Annotations.ORIGIN_LOCATION, location);
    }
    Processed p = processor.process(copy);
    List<Map<String, Object>> errors = new ArrayList<>();
    for (ProcessingError e : p.errors()) {
      if (e.level().equals("error")) {
        errors.add(Map.of("name", e.name(), "message", e.message()));
      }
    }
    if (errors.isEmpty()) {
      return ResponseEntity.ok().build();
    }
    return ResponseEntity.badRequest().body(Map.of("errors", errors));
  }

  @PostMapping(path = "/analyze-location", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> analyze(@RequestBody JsonNode body) {
    Requests.requireObject(body);
    JsonNode loc = body.path("location");
    String type = loc.path("type").asString("url");
    String target = loc.path("target").asString(null);
    LocationRow row = Registrations.normalise(type, target, "api");
    roots.checkRegistration(row);
    String readTarget = row.target();
    if (type.equals("file") && Files.isDirectory(Path.of(readTarget))) {
      readTarget =
          Path.of(readTarget)
              .resolve(body.path("catalogFilename").asString("catalog-info.yaml"))
              .normalize()
              .toString();
      // The file name may climb out of the folder it is appended to.
      roots.checkRegistration(new LocationRow(row.id(), row.type(), readTarget, row.origin()));
    }
    List<SourceFile> files;
    try {
      files = readers.read(row.type(), readTarget, roots.api());
    } catch (ReadException e) {
      throw CatalogException.input(
          "Unable to read " + row.type() + ":" + readTarget + ": " + e.getMessage());
    }
    List<Map<String, Object>> existing = new ArrayList<>();
    for (SourceFile f : files) {
      for (EntityDocument doc : EntityYaml.read(f.key(), f.text())) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("location", Map.of("type", f.type(), "target", f.target()));
        item.put("isRegistered", locations.byKey(f.key()).isPresent());
        item.put("entity", doc.entity());
        existing.add(item);
      }
    }
    return Map.of("existingEntityFiles", existing, "generateEntities", List.of());
  }
}
