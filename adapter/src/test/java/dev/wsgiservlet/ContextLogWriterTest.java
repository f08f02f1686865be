package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextLogWriterTest {

    private final List<String> records = new ArrayList<>();
    private final ContextLogWriter writer = new ContextLogWriter(Stubs.loggingContext(records));

    @Test
    void oneRecordPerLine() throws IOException {
        writer.write("first\nsecond\n");
        assertEquals(List.of("first", "second"), records);
    }

    @Test
    void crlfIsTrimmed() throws IOException {
        writer.write("windows\r\nline\r\n");
        assertEquals(List.of("windows", "line"), records);
    }

    @Test
    void crlfSplitAcrossWritesIsTrimmed() throws IOException {
        writer.write("split\r");
        writer.write("\n");
        assertEquals(List.of("split"), records);
    }

    @Test
    void carriageReturnInsideALineIsKept() throws IOException {
        writer.write("a\rb\n");
        assertEquals(List.of("a\rb"), records);
    }

    @Test
    void lineBuiltFromSeveralWritesIsOneRecord() throws IOException {
        writer.write("par");
        writer.write('t');
        writer.write("ial line".toCharArray(), 0, 8);
        assertEquals(List.of(), records, "nothing before the newline");
        writer.write("\n");
        assertEquals(List.of("partial line"), records);
    }

    @Test
    void partialLineIsLoggedOnFlush() throws IOException {
        writer.write("done\nno newline");
        assertEquals(List.of("done"), records);
        writer.flush();
        assertEquals(List.of("done", "no newline"), records);
        writer.flush();
        assertEquals(List.of("done", "no newline"), records, "a second flush logs nothing");
    }

    @Test
    void emptyFlushLogsNothing() throws IOException {
        writer.flush();
        writer.write("line\n");
        writer.flush();
        assertEquals(List.of("line"), records);
    }

    @Test
    void closeFlushesThePartialLine() throws IOException {
        writer.write("last words");
        writer.close();
        assertEquals(List.of("last words"), records);
    }

    @Test
    void emptyLinesAreRecordsToo() throws IOException {
        writer.write("a\n\nb\n");
        assertEquals(List.of("a", "", "b"), records);
    }

    @Test
    void honoursOffsetAndLength() throws IOException {
        writer.write("xxone\ntwo\nyy".toCharArray(), 2, 8);
        writer.flush();
        assertEquals(List.of("one", "two"), records);
    }

    @Test
    void worksBehindAPrintWriterAsWsgiErrors() throws IOException {
        PrintWriter errors = new PrintWriter(writer);
        errors.print("Traceback:\n  at x\n");
        errors.printf("%s=%d", "count", 3);
        errors.flush();
        assertEquals(List.of("Traceback:", "  at x", "count=3"), records);
    }
}
