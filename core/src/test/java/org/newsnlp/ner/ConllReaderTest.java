package org.newsnlp.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsnlp.NewsNlpException;

class ConllReaderTest {

    private static final List<String> LINES = List.of(
            "-DOCSTART- -X- O O", "",
            "EU NNP I-NP I-ORG", "rejects VBZ I-VP O", "",
            "Peter NNP I-NP I-PER", "Blackburn NNP I-NP I-PER", "",
            "-DOCSTART- -X- O O", "",
            "BRUSSELS NNP I-NP I-LOC", "");

    @Test
    void splitsDocumentsAtDocstartAndSentencesAtBlankLines() {
        List<ConllDocument> docs = ConllReader.parse(LINES, "test");
        assertEquals(2, docs.size());
        assertEquals(2, docs.get(0).sentences().size());
        ConllSentence s = docs.get(0).sentences().get(1);
        assertEquals(List.of("Peter", "Blackburn"), s.tokens());
        assertEquals(List.of("I-PER", "I-PER"), s.tags());
        assertEquals(5, s.firstLine());
        assertEquals(4, docs.get(0).tokenCount());
        assertEquals(List.of("I-LOC"), docs.get(1).sentences().get(0).tags());
    }

    @Test
    void readsAFileWithoutDocstartAsOneDocument() {
        List<ConllDocument> docs = ConllReader.parse(List.of("a O", "b O", "", "c I-LOC"), "x");
        assertEquals(1, docs.size());
        assertEquals(2, docs.get(0).sentences().size());
    }

    @Test
    void singleColumnFilesHaveNoTags() {
        List<ConllDocument> docs = ConllReader.parse(List.of("Paris", "is"), "x");
        assertTrue(docs.get(0).sentences().get(0).tags().isEmpty());
    }

    @Test
    void inconsistentColumnsNameTheFileAndLine() {
        NewsNlpException e = assertThrows(NewsNlpException.class,
                () -> ConllReader.parse(List.of("a NN O", "b O"), "bad.conll"));
        assertTrue(e.getMessage().contains("bad.conll") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void readsGzippedFiles(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.conll.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write(String.join("\n", LINES).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, ConllReader.read(f).size());
    }
}
