package org.newsnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir
    Path dir;

    private static final ByteArrayInputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

    @Test
    void missingFileIsNamedInTheError() {
        Inputs.BadInputException e = assertThrows(Inputs.BadInputException.class,
                () -> Inputs.read(dir.resolve("nope.txt").toString(), Inputs.Kind.AUTO, NO_STDIN));
        assertTrue(e.getMessage().contains("nope.txt") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void emptyAndBinaryFilesAreRejected() throws IOException {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path bin = Files.write(dir.resolve("img.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        assertTrue(assertThrows(Inputs.BadInputException.class,
                () -> Inputs.read(empty.toString(), Inputs.Kind.AUTO, NO_STDIN)).getMessage().contains("empty"));
        assertTrue(assertThrows(Inputs.BadInputException.class,
                () -> Inputs.read(bin.toString(), Inputs.Kind.AUTO, NO_STDIN)).getMessage().contains("binary"));
    }

    @Test
    void readsGzippedHtmlAndDetectsIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("<html><body><p>Grüße aus Köln</p></body></html>".getBytes(StandardCharsets.UTF_8));
        }
        Path p = Files.write(dir.resolve("page.html.gz"), bytes.toByteArray());
        Inputs.Document d = Inputs.read(p.toString(), Inputs.Kind.AUTO, NO_STDIN);
        assertTrue(d.html());
        assertTrue(d.content().contains("Grüße aus Köln"));
    }

    @Test
    void corruptGzipIsReported() throws IOException {
        Path p = Files.write(dir.resolve("bad.txt.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertThrows(Inputs.BadInputException.class, () -> Inputs.read(p.toString(), Inputs.Kind.AUTO, NO_STDIN));
    }

    @Test
    void detectsHtmlByContentForStdinAndTextByExtension() throws Exception {
        Inputs.Document d = Inputs.read("-", Inputs.Kind.AUTO,
                new ByteArrayInputStream("<!DOCTYPE html><html><p>x</p></html>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(d.html());
        Path txt = Files.writeString(dir.resolve("a.txt"), "<b>not parsed</b> plain text");
        assertFalse(Inputs.read(txt.toString(), Inputs.Kind.AUTO, NO_STDIN).html());
        assertTrue(Inputs.read(txt.toString(), Inputs.Kind.HTML, NO_STDIN).html());
    }

    @Test
    void decodesLatin1PagesByTheirDeclaredCharset() {
        byte[] page = "<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(Inputs.decode(page).contains("café"));
    }

    @Test
    void expandsFoldersToDocumentsSorted() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "b");
        Files.writeString(dir.resolve("a.html"), "a");
        Files.writeString(dir.resolve("skip.json"), "{}");
        List<String> files = Inputs.expand(List.of(dir.toString()));
        assertEquals(List.of(dir.resolve("a.html").toString(), dir.resolve("b.txt").toString()), files);
    }
}
