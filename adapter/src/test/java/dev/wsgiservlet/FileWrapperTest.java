package dev.wsgiservlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWrapperTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.write(dir.resolve("f" + System.nanoTime()), content.getBytes(ISO_8859_1));
    }

    private static List<String> blocks(FileWrapper wrapper) {
        List<String> out = new ArrayList<>();
        for (byte[] block : wrapper) {
            out.add(new String(block, ISO_8859_1));
        }
        return out;
    }

    /** Counts close() calls. */
    private static final class TrackedStream extends ByteArrayInputStream {
        int closes;

        TrackedStream(String content) {
            super(content.getBytes(ISO_8859_1));
        }

        @Override
        public void close() {
            closes++;
        }
    }

    // --- the kinds of file-like objects ---------------------------------------------------------

    @Test
    void wrapsAPath() throws IOException {
        try (FileWrapper w = FileWrapper.of(file("0123456789"), 4)) {
            assertEquals(List.of("0123", "4567", "89"), blocks(w));
        }
    }

    @Test
    void wrapsAFile() throws IOException {
        File f = file("hello world").toFile();
        try (FileWrapper w = FileWrapper.of(f, 5)) {
            assertEquals(List.of("hello", " worl", "d"), blocks(w));
        }
    }

    @Test
    void fileChannelIsReadFromItsCurrentPosition() throws IOException {
        FileChannel ch = FileChannel.open(file("0123456789"), StandardOpenOption.READ);
        ch.position(3);
        try (FileWrapper w = FileWrapper.of(ch, 4)) {
            assertEquals(List.of("3456", "789"), blocks(w));
        }
    }

    @Test
    void randomAccessFileIsReadFromItsCurrentPosition() throws IOException {
        RandomAccessFile raf = new RandomAccessFile(file("0123456789").toFile(), "r");
        raf.seek(6);
        try (FileWrapper w = FileWrapper.of(raf, 100)) {
            assertEquals(List.of("6789"), blocks(w));
        }
    }

    @Test
    void fileInputStreamIsReadFromItsCurrentPosition() throws IOException {
        FileInputStream fis = new FileInputStream(file("0123456789").toFile());
        assertEquals(2, fis.skip(2));
        try (FileWrapper w = FileWrapper.of(fis, 5)) {
            assertEquals(List.of("23456", "789"), blocks(w));
        }
    }

    @Test
    void wrapsAnyInputStream() throws IOException {
        try (FileWrapper w = FileWrapper.of(new ByteArrayInputStream("abcdefg".getBytes(ISO_8859_1)), 3)) {
            assertEquals(List.of("abc", "def", "g"), blocks(w));
        }
    }

    @Test
    void inputStreamWithShortReadsStillGivesFullBlocks() throws IOException {
        InputStream trickle = new ByteArrayInputStream("abcdefg".getBytes(ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        try (FileWrapper w = FileWrapper.of(trickle, 3)) {
            assertEquals(List.of("abc", "def", "g"), blocks(w));
        }
    }

    @Test
    void rejectsAStringAndNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FileWrapper.of("/etc/passwd", 10));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FileWrapper.of(null, 10));
        assertThrows(IllegalArgumentException.class, () -> FileWrapper.of(new byte[3], 10));
    }

    @Test
    void worksAsTheEnvironFactory() throws IOException {
        FileWrapper.Factory factory = FileWrapper::of;
        try (FileWrapper w = factory.wrap(file("xyz"), 2)) {
            assertEquals(List.of("xy", "z"), blocks(w));
        }
    }

    // --- block sizes ----------------------------------------------------------------------------

    @Test
    void exactMultipleOfTheBlockSizeHasNoEmptyLastBlock() throws IOException {
        try (FileWrapper w = FileWrapper.of(file("abcdef"), 3)) {
            assertEquals(List.of("abc", "def"), blocks(w));
        }
    }

    @Test
    void blockSizeOfZeroOrLessMeansTheDefault() throws IOException {
        byte[] content = new byte[FileWrapper.DEFAULT_BLOCK_SIZE + 10];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path big = Files.write(dir.resolve("big"), content);
        for (int size : new int[] {0, -1, Integer.MIN_VALUE}) {
            try (FileWrapper w = FileWrapper.of(big, size)) {
                assertEquals(FileWrapper.DEFAULT_BLOCK_SIZE, w.blockSize());
                List<byte[]> got = new ArrayList<>();
                w.forEach(got::add);
                assertEquals(2, got.size());
                assertEquals(FileWrapper.DEFAULT_BLOCK_SIZE, got.get(0).length);
                assertEquals(10, got.get(1).length);
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                joined.write(got.get(0));
                joined.write(got.get(1));
                assertArrayEquals(content, joined.toByteArray());
            }
        }
    }

    @Test
    void positiveBlockSizeIsKept() throws IOException {
        try (FileWrapper w = FileWrapper.of(file("x"), 7)) {
            assertEquals(7, w.blockSize());
        }
    }

    @Test
    void emptyFileHasNoBlocks() throws IOException {
        try (FileWrapper w = FileWrapper.of(file(""), 4)) {
            assertFalse(w.iterator().hasNext());
        }
        try (FileWrapper w = FileWrapper.of(new ByteArrayInputStream(new byte[0]), 4)) {
            assertFalse(w.iterator().hasNext());
        }
    }

    @Test
    void exhaustedIteratorThrowsNoSuchElement() throws IOException {
        try (FileWrapper w = FileWrapper.of(file("a"), 4)) {
            var it = w.iterator();
            assertEquals("a", new String(it.next(), ISO_8859_1));
            assertFalse(it.hasNext());
            assertThrows(java.util.NoSuchElementException.class, it::next);
        }
    }

    // --- close ----------------------------------------------------------------------------------

    @Test
    void closeClosesTheChannelOpenedForAPath() throws IOException {
        FileWrapper w = FileWrapper.of(file("abc"), 2);
        FileChannel ch = w.unreadChannel();
        assertNotNull(ch);
        assertTrue(ch.isOpen());
        w.close();
        assertFalse(ch.isOpen());
        w.close(); // idempotent
    }

    @Test
    void closeClosesAGivenChannel() throws IOException {
        FileChannel ch = FileChannel.open(file("abc"), StandardOpenOption.READ);
        FileWrapper w = FileWrapper.of(ch, 2);
        w.close();
        assertFalse(ch.isOpen());
        w.close();
    }

    @Test
    void closeClosesARandomAccessFile() throws IOException {
        RandomAccessFile raf = new RandomAccessFile(file("abc").toFile(), "r");
        FileWrapper w = FileWrapper.of(raf, 2);
        w.close();
        assertThrows(IOException.class, raf::read);
        assertFalse(raf.getChannel().isOpen());
    }

    @Test
    void closeClosesAFileInputStream() throws IOException {
        FileInputStream fis = new FileInputStream(file("abc").toFile());
        FileWrapper w = FileWrapper.of(fis, 2);
        w.close();
        assertThrows(IOException.class, fis::read);
    }

    @Test
    void closeClosesAnInputStreamOnce() throws IOException {
        TrackedStream stream = new TrackedStream("abc");
        FileWrapper w = FileWrapper.of(stream, 2);
        w.close();
        w.close();
        assertEquals(1, stream.closes);
    }

    @Test
    void closeMidIterationEndsTheIteration() throws IOException {
        FileWrapper w = FileWrapper.of(file("abcdef"), 2);
        var it = w.iterator();
        assertEquals("ab", new String(it.next(), ISO_8859_1));
        w.close();
        assertFalse(it.hasNext());
    }

    // --- what the servlet introspects -----------------------------------------------------------

    @Test
    void unreadChannelIsGivenForChannelBackedWrappersUntilIterationBegins() throws IOException {
        try (FileWrapper w = FileWrapper.of(file("abc"), 2)) {
            assertNotNull(w.unreadChannel());
            w.iterator();
            assertNull(w.unreadChannel(), "iteration began");
        }
        FileChannel ch = FileChannel.open(file("abc"), StandardOpenOption.READ);
        try (FileWrapper w = FileWrapper.of(ch, 2)) {
            assertEquals(ch, w.unreadChannel());
        }
        try (FileWrapper w = FileWrapper.of(new RandomAccessFile(file("abc").toFile(), "r"), 2)) {
            assertNotNull(w.unreadChannel());
        }
        try (FileWrapper w = FileWrapper.of(new FileInputStream(file("abc").toFile()), 2)) {
            assertNotNull(w.unreadChannel());
        }
    }

    @Test
    void unreadChannelIsNullAfterClose() throws IOException {
        FileWrapper w = FileWrapper.of(file("abc"), 2);
        w.close();
        assertNull(w.unreadChannel());
    }

    @Test
    void plainInputStreamHasNoChannel() throws IOException {
        try (FileWrapper w = FileWrapper.of(new TrackedStream("abc"), 2)) {
            assertNull(w.unreadChannel());
            assertNull(w.path());
        }
    }

    @Test
    void pathIsKnownOnlyForRegularFilesGivenByPathOrFile() throws IOException {
        Path regular = file("abc");
        try (FileWrapper w = FileWrapper.of(regular, 2)) {
            assertEquals(regular, w.path());
        }
        try (FileWrapper w = FileWrapper.of(regular.toFile(), 2)) {
            assertEquals(regular, w.path());
        }
        try (FileWrapper w = FileWrapper.of(FileChannel.open(regular, StandardOpenOption.READ), 2)) {
            assertNull(w.path());
        }
        try (FileWrapper w = FileWrapper.of(new RandomAccessFile(regular.toFile(), "r"), 2)) {
            assertNull(w.path());
        }
        try (FileWrapper w = FileWrapper.of(new FileInputStream(regular.toFile()), 2)) {
            assertNull(w.path());
        }
    }

    @Test
    void pathIsNullForAnythingButARegularFile() throws IOException {
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        try (FileWrapper w = FileWrapper.of(devNull, 2)) {
            assertNull(w.path());
            assertFalse(w.iterator().hasNext());
        }
    }

    @Test
    void missingFileIsAnIOException() {
        assertThrows(IOException.class, () -> FileWrapper.of(dir.resolve("missing"), 2));
    }

    // --- a file held by another runtime ---------------------------------------------------------

    @Test
    void fileFromAPositionStartsThereAndKeepsItsPathForSendfile() throws IOException {
        Path f = file("0123456789");
        int[] closes = {0};
        try (FileWrapper w = FileWrapper.of(f, 3, 4, () -> closes[0]++)) {
            assertEquals(f, w.path());
            assertEquals(3, w.unreadChannel().position());
            assertEquals(List.of("3456", "789"), blocks(w));
        }
        assertEquals(1, closes[0]);
    }

    @Test
    void fileFromAPositionClosesTheFileThenRunsOnCloseOnce() throws IOException {
        List<String> events = new ArrayList<>();
        FileWrapper w = FileWrapper.of(file("abc"), 0, 2, () -> events.add("onClose"));
        FileChannel ch = w.unreadChannel();
        w.close();
        w.close();
        assertFalse(ch.isOpen());
        assertEquals(List.of("onClose"), events);
    }

    @Test
    void fileFromAPositionRunsOnCloseEvenWhenItFails() throws IOException {
        FileWrapper w = FileWrapper.of(file("abc"), 0, 2, () -> {
            throw new IOException("foreign close failed");
        });
        IOException e = assertThrows(IOException.class, w::close);
        assertEquals("foreign close failed", e.getMessage());
    }

    @Test
    void fileFromAPositionAtOrPastTheEndHasNoBlocks() throws IOException {
        try (FileWrapper w = FileWrapper.of(file("abc"), 3, 2, () -> { })) {
            assertFalse(w.iterator().hasNext());
        }
        try (FileWrapper w = FileWrapper.of(file("abc"), 10, 2, () -> { })) {
            assertFalse(w.iterator().hasNext());
        }
    }

    @Test
    void fileFromAPositionRejectsANegativePositionAndAMissingFile() {
        int[] closes = {0};
        assertThrows(IllegalArgumentException.class, () -> FileWrapper.of(file("abc"), -1, 2, () -> closes[0]++));
        assertThrows(IOException.class, () -> FileWrapper.of(dir.resolve("missing"), 0, 2, () -> closes[0]++));
        assertEquals(0, closes[0], "onClose belongs to the caller until a wrapper exists");
    }
}
