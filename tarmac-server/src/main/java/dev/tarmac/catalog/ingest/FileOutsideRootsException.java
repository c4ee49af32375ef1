package dev.tarmac.catalog.ingest;

import dev.tarmac.shared.ReadException;

/** A file read was refused: the path lies outside the folders its location may read. */
public class FileOutsideRootsException extends ReadException {

  /** Creates the exception with a message naming the path and the setting that allows it. */
  public FileOutsideRootsException(String message) {
    super(message);
  }
}
