package dev.wsgiservlet.samples.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A text response read line by line as it arrives, each line with the time it came in. */
public record Lines(HttpResponse<InputStream> response, List<String> lines, List<Long> arrivalMillis) {

    /** Sends {@code request} and reads the body to its end, timing each line against the first. */
    public static Lines receive(HttpRequest request) throws IOException {
        HttpResponse<InputStream> response = Http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        long first = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                long now = System.nanoTime() / 1_000_000;
                if (lines.isEmpty()) {
                    first = now;
                }
                lines.add(line);
                arrivals.add(now - first);
            }
        }
        return new Lines(response, List.copyOf(lines), List.copyOf(arrivals));
    }
}
