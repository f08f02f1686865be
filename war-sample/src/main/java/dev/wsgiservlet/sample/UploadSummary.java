package dev.wsgiservlet.sample;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the upload endpoint reports about a received file: its name, size and SHA-256. */
public record UploadSummary(String filename, String contentType, long size, String sha256) {

    private static final int BLOCK_SIZE = 64 * 1024;

    /** Reads {@code content} to its end, block by block, counting and hashing it. */
    public static UploadSummary read(String filename, String contentType, InputStream content) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] block = new byte[BLOCK_SIZE];
        long size = 0;
        for (int n = content.read(block); n >= 0; n = content.read(block)) {
            sha256.update(block, 0, n);
            size += n;
        }
        return new UploadSummary(filename, contentType, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** The summary as a JSON object; {@code filename} is null for a raw upload. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("filename", filename);
        json.put("content_type", contentType);
        json.put("size", size);
        json.put("sha256", sha256);
        return json;
    }
}
