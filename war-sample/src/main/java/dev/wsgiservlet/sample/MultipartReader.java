package dev.wsgiservlet.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578, framed as RFC 2046 says) one part at a
 * time, streaming: it holds one buffer of the body, never a whole part.
 *
 * <pre>{@code
 * MultipartReader reader = new MultipartReader(input, boundary);
 * for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
 *     part.body().transferTo(somewhere);
 * }
 * }</pre>
 *
 * <p>A part's body ends where the delimiter {@code CRLF--boundary} starts. The delimiter can be
 * split across two reads of the input, so the last {@code delimiter.length - 1} bytes of the
 * buffer are held back until more input shows whether they begin a delimiter.
 */
public final class MultipartReader {

    /** RFC 2046 allows boundaries of 1 to 70 characters. */
    private static final int MAX_BOUNDARY = 70;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int DEFAULT_BUFFER_SIZE = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean inputEnded;

    /** Body bytes in {@code buffer[position, bodyEnd)} are known to belong to the current body. */
    private int bodyEnd;
    /** Whether a delimiter starts at {@code bodyEnd}. */
    private boolean delimiterAtBodyEnd;
    private boolean bodyEnded;
    private boolean finished;
    private Part current;

    /**
     * @param in the request body
     * @param boundary the {@code boundary} parameter of the request's {@code Content-Type}
     */
    public MultipartReader(InputStream in, String boundary) {
        this(in, boundary, DEFAULT_BUFFER_SIZE);
    }

    /** With a chosen buffer size, so that tests can make the delimiter straddle every border. */
    MultipartReader(InputStream in, String boundary, int bufferSize) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw new IllegalArgumentException("a multipart boundary has 1 to 70 characters");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // Room for a whole delimiter plus the two bytes that say what follows it.
        this.buffer = new byte[Math.max(bufferSize, delimiter.length + 2)];
        // The first delimiter may open the body without a CRLF before it; starting from a CRLF
        // lets one search find it either way. What comes before it is the preamble, ignored.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The {@code boundary} parameter of a {@code multipart/*} content type; {@code null} when absent. */
    public static String boundary(String contentType) {
        String boundary = HeaderValue.parameter(contentType, "boundary");
        return boundary == null || boundary.isEmpty() ? null : boundary;
    }

    /**
     * The next part, skipping whatever is left of the current one; {@code null} after the last.
     *
     * @throws MultipartException when the body is not well-formed multipart
     */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        byte[] skip = new byte[4096];
        while (readBody(skip, 0, skip.length) >= 0) {
            // Draining the preamble or the rest of the previous part.
        }
        position += delimiter.length;
        int first = readByte();
        int second = readByte();
        if (first == '-' && second == '-') {
            finished = true;
            current = null;
            return null;
        }
        while (first == ' ' || first == '\t') {
            first = second;
            second = readByte();
        }
        if (first != '\r' || second != '\n') {
            throw new MultipartException("a boundary delimiter must end its line");
        }
        Map<String, String> headers = readHeaders();
        bodyEnded = false;
        bodyEnd = position;
        delimiterAtBodyEnd = false;
        current = new Part(headers);
        return current;
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = readByte();
            if (++total > MAX_HEADER_BYTES) {
                throw new MultipartException("the headers of a part exceed " + MAX_HEADER_BYTES + " bytes");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            byte[] bytes = line.toByteArray();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            line.reset();
            if (length == 0) {
                return headers;
            }
            // Browsers send non-ASCII file names as raw UTF-8.
            String header = new String(bytes, 0, length, StandardCharsets.UTF_8);
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new MultipartException("malformed part header: " + header);
            }
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
    }

    /** Reads from the current body; -1 once its delimiter is reached. */
    private int readBody(byte[] b, int off, int len) throws IOException {
        if (bodyEnded) {
            return -1;
        }
        if (position >= bodyEnd) {
            if (!delimiterAtBodyEnd) {
                scan();
            }
            if (delimiterAtBodyEnd && position == bodyEnd) {
                bodyEnded = true;
                return -1;
            }
        }
        int n = Math.min(len, bodyEnd - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    /** Moves {@code bodyEnd} past {@code position}, or onto a delimiter that starts there. */
    private void scan() throws IOException {
        while (true) {
            int found = indexOfDelimiter(position, limit);
            if (found >= 0) {
                bodyEnd = found;
                delimiterAtBodyEnd = true;
                return;
            }
            // No whole delimiter in the buffer; one may still begin in its last length-1 bytes.
            int safe = limit - (delimiter.length - 1);
            if (safe > position) {
                bodyEnd = safe;
                return;
            }
            if (!fill()) {
                throw new MultipartException("the body ended before the closing boundary");
            }
        }
    }

    private int readByte() throws IOException {
        if (position >= limit && !fill()) {
            throw new MultipartException("the body ended inside a part's headers or delimiter");
        }
        return buffer[position++] & 0xFF;
    }

    /** Keeps the unread bytes, reads more after them; false at the end of the input. */
    private boolean fill() throws IOException {
        if (inputEnded) {
            return false;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        bodyEnd -= position;
        position = 0;
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            inputEnded = true;
            return false;
        }
        limit += n;
        return true;
    }

    private int indexOfDelimiter(int from, int to) {
        int last = to - delimiter.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One part: its headers and its body. The body stays readable until the next {@link #next()}. */
    public final class Part {

        private final Map<String, String> headers;
        private final InputStream body = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                if (current != Part.this) {
                    return -1;
                }
                return len == 0 ? 0 : readBody(b, off, len);
            }
        };

        private Part(Map<String, String> headers) {
            this.headers = headers;
        }

        /** A header of this part, by case-insensitive name; {@code null} when absent. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The form field's name, from {@code Content-Disposition}. */
        public String name() {
            return HeaderValue.parameter(header("Content-Disposition"), "name");
        }

        /** The file name a browser sent for a file field; {@code null} for other fields. */
        public String filename() {
            return HeaderValue.parameter(header("Content-Disposition"), "filename");
        }

        /** The part's content type; {@code text/plain} when not given, as RFC 7578 says. */
        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "text/plain" : type;
        }

        /** The part's content, ending at the next delimiter. */
        public InputStream body() {
            return body;
        }
    }
}
