package org.newsnlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.newsnlp.extract.PageDecoder;

/**
 * Reads the command line's inputs: files ({@code .html}, {@code .htm}, {@code .txt}, optionally gzipped),
 * folders of them, and {@code -} for standard input; decodes their bytes and tells HTML from text.
 */
final class Inputs {

    /** How to read an input's content. */
    enum Kind { AUTO, HTML, TEXT }

    /** One input document, read and decoded. */
    record Document(String source, String content, boolean html) {
    }

    /** An input that could not be read. */
    static final class BadInputException extends Exception {
        private static final long serialVersionUID = 1L;

        BadInputException(String message) {
            super(message);
        }
    }

    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private Inputs() {
    }

    /** Expands folders into the readable files under them, sorted; other arguments pass unchanged. */
    static List<String> expand(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            Path p = Paths.get(a);
            if (!a.equals("-") && Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> isDocumentName(f.getFileName().toString()))
                            .map(Path::toString).sorted().forEach(out::add);
                } catch (IOException e) {
                    out.add(a); // reported when read
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }

    static boolean isDocumentName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".txt") || n.endsWith(".xhtml");
    }

    /** Reads one input. */
    static Document read(String source, Kind kind, InputStream stdin) throws BadInputException {
        byte[] bytes;
        try {
            if (source.equals("-")) {
                bytes = stdin.readNBytes((int) MAX_BYTES + 1);
            } else {
                Path p = Paths.get(source);
                if (!Files.exists(p)) {
                    throw new BadInputException(source + ": no such file");
                }
                if (Files.isDirectory(p)) {
                    throw new BadInputException(source + ": is a folder with no .html, .htm or .txt files");
                }
                if (!Files.isReadable(p)) {
                    throw new BadInputException(source + ": not readable (permission denied)");
                }
                if (Files.size(p) > MAX_BYTES) {
                    throw new BadInputException(source + ": larger than " + (MAX_BYTES >> 20) + " MB");
                }
                bytes = Files.readAllBytes(p);
            }
            if (isGzip(bytes)) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = in.readNBytes((int) MAX_BYTES + 1);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new BadInputException(source + ": corrupt gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(source + ": larger than " + (MAX_BYTES >> 20) + " MB");
        }
        if (bytes.length == 0 || isBlank(bytes)) {
            throw new BadInputException(source + ": empty file");
        }
        if (looksBinary(bytes)) {
            throw new BadInputException(source + ": binary data, not HTML or text");
        }
        String content = decode(bytes);
        boolean html = switch (kind) {
            case HTML -> true;
            case TEXT -> false;
            case AUTO -> looksLikeHtml(source, content);
        };
        return new Document(source, content, html);
    }

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (!Character.isWhitespace(x & 0xff) && x != 0) {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes or many control characters in the first 8 KB mean binary. */
    static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b)) {
                control++;
            }
        }
        return control > n / 20;
    }

    /** UTF-8 when the bytes are valid UTF-8 (BOM dropped); else the page's declared charset; else windows-1252. */
    static String decode(byte[] bytes) {
        return PageDecoder.decode(bytes);
    }

    static boolean looksLikeHtml(String source, String content) {
        String n = source.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
            return true;
        }
        if (n.endsWith(".txt")) {
            return false;
        }
        String head = content.substring(0, Math.min(content.length(), 2048)).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")
                || head.contains("<body") || head.contains("<head") || head.contains("<p>") || head.contains("<div");
    }
}
