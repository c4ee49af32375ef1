package dev.tarmac.catalog.search;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's codec with stored fields kept uncompressed, so reading an entity's JSON is a copy.
 *
 * <p>The default codec decompresses a whole LZ4 block (dictionary and neighbours) for every
 * document read, which made streaming a few thousand entities cost more than writing them to the
 * client. The index is derived data that a replica rebuilds from the database, so its size on disk
 * (about three times larger) matters less than read speed. The name is recorded in each segment: a
 * Lucene upgrade that retires the delegate codec must rename it, which makes old indexes fail to
 * open and be rebuilt (see {@link SearchIndex}).
 */
public final class RawStoredFieldsCodec extends FilterCodec {

  /** The codec's name as recorded in segments and registered with Lucene's service loader. */
  public static final String NAME = "TarmacRaw912";

  private final StoredFieldsFormat stored =
      new Lucene90CompressingStoredFieldsFormat(
          "TarmacRawStoredFields", new RawMode(), 16 * 1024, 128, 10);

  /** Creates the codec (public and argument-free for Lucene's service loader). */
  public RawStoredFieldsCodec() {
    super(NAME, new Lucene912Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return stored;
  }

  /** A compression mode that copies bytes unchanged. */
  private static final class RawMode extends CompressionMode {

    @Override
    public Compressor newCompressor() {
      return new Compressor() {
        @Override
        public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
          out.copyBytes(in, in.length());
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public Decompressor newDecompressor() {
      return new RawDecompressor();
    }
  }

  /** Reads only the requested slice: the reader positions the input at the block's start. */
  private static final class RawDecompressor extends Decompressor {

    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      if (bytes.bytes.length < length) {
        bytes.bytes = new byte[ArrayUtil.oversize(length, 1)];
      }
      in.skipBytes(offset);
      in.readBytes(bytes.bytes, 0, length);
      bytes.offset = 0;
      bytes.length = length;
    }

    @Override
    public Decompressor clone() {
      return this;
    }
  }
}
