package dev.wsgiservlet;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code wsgi.file_wrapper}'s result: the blocks of a file, from its current position to its end.
 * Closing it closes the file.
 *
 * <p>When an application returns a wrapper over a regular file unread, the servlet sends the file
 * by the container's fastest route (sendfile where the container offers it, otherwise large
 * positional reads of the {@link FileChannel} written straight to the servlet output stream)
 * instead of iterating it. Iterating it works everywhere.
 */
public final class FileWrapper implements Iterable<byte[]>, AutoCloseable {

    /** The block size used when the application passes none (a size of zero or less). */
    public static final int DEFAULT_BLOCK_SIZE = 64 * 1024;

    /** {@code wsgi.file_wrapper(filelike, block_size)}. */
    @FunctionalInterface
    public interface Factory {
        /**
         * Wraps a file-like object.
         *
         * @param fileLike a {@link Path}, {@link File}, {@link FileChannel}, {@link RandomAccessFile}
         *     or {@link InputStream}; the wrapper takes ownership and closes it
         * @param blockSize bytes per block; {@link #DEFAULT_BLOCK_SIZE} when zero or less
         * @throws IllegalArgumentException for any other kind of object
         */
        FileWrapper wrap(Object fileLike, int blockSize) throws IOException;
    }

    private final FileChannel channel;
    private final InputStream stream;
    private final Path path;
    private final AutoCloseable owner;
    private final int blockSize;
    private boolean started;
    private boolean closed;

    private FileWrapper(FileChannel channel, InputStream stream, Path path, AutoCloseable owner, int blockSize) {
        this.channel = channel;
        this.stream = stream;
        this.path = path;
        this.owner = owner;
        this.blockSize = blockSize > 0 ? blockSize : DEFAULT_BLOCK_SIZE;
    }

    /** The {@link Factory} the servlet puts in {@code environ["wsgi.file_wrapper"]}. */
    public static FileWrapper of(Object fileLike, int blockSize) throws IOException {
        if (fileLike instanceof Path p) {
            FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
            return new FileWrapper(ch, null, Files.isRegularFile(p) ? p : null, ch, blockSize);
        }
        if (fileLike instanceof File f) {
            return of(f.toPath(), blockSize);
        }
        if (fileLike instanceof FileChannel ch) {
            return new FileWrapper(ch, null, null, ch, blockSize);
        }
        if (fileLike instanceof RandomAccessFile raf) {
            return new FileWrapper(raf.getChannel(), null, null, raf, blockSize);
        }
        if (fileLike instanceof FileInputStream fis) {
            return new FileWrapper(fis.getChannel(), null, null, fis, blockSize);
        }
        if (fileLike instanceof InputStream in) {
            return new FileWrapper(null, in, null, in, blockSize);
        }
        throw new IllegalArgumentException("wsgi.file_wrapper takes a Path, File, FileChannel, "
                + "RandomAccessFile or InputStream, not " + (fileLike == null ? "null" : fileLike.getClass().getName()));
    }

    /**
     * Wraps a file from {@code position} on, for a gateway whose application holds the file in
     * another runtime (a Python file object, for example). The servlet sends it by its fast route
     * like any wrapper made from a {@link Path}. {@link #close()} closes the file opened here, then
     * runs {@code onClose} (the foreign object's own {@code close()}), even if closing the file
     * failed.
     *
     * @param file the file; opened here for reading
     * @param position where the body starts, in bytes from the start of the file
     * @param blockSize bytes per block; {@link #DEFAULT_BLOCK_SIZE} when zero or less
     * @param onClose run once, after the file is closed
     * @throws IOException when the file cannot be opened; {@code onClose} is not run then
     */
    public static FileWrapper of(Path file, long position, int blockSize, AutoCloseable onClose) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        java.util.Objects.requireNonNull(onClose, "onClose");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ch.position(position);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        AutoCloseable both = () -> {
            try {
                ch.close();
            } finally {
                onClose.close();
            }
        };
        return new FileWrapper(ch, null, Files.isRegularFile(file) ? file : null, both, blockSize);
    }

    /** The block size in use. */
    public int blockSize() {
        return blockSize;
    }

    /** The blocks from the current position on. One pass only. */
    @Override
    public Iterator<byte[]> iterator() {
        started = true;
        return new Iterator<>() {
            private byte[] next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = readBlock();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                byte[] block = next;
                next = null;
                return block;
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            owner.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /**
     * The channel to transfer from, when the wrapper is over a file channel that nobody has
     * iterated yet; otherwise {@code null}.
     */
    FileChannel unreadChannel() {
        return started || closed ? null : channel;
    }

    /** The regular file behind the wrapper, when it was made from a path; otherwise {@code null}. */
    Path path() {
        return path;
    }

    private byte[] readBlock() throws IOException {
        if (closed) {
            return null;
        }
        if (stream != null) {
            byte[] block = stream.readNBytes(blockSize);
            return block.length == 0 ? null : block;
        }
        byte[] block = new byte[blockSize];
        ByteBuffer buf = ByteBuffer.wrap(block);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                break;
            }
        }
        int n = buf.position();
        if (n == 0) {
            return null;
        }
        return n == block.length ? block : Arrays.copyOf(block, n);
    }
}
