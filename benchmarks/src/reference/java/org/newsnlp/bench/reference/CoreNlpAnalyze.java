package org.newsnlp.bench.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.newsnlp.extract.JsoupArticleExtractor;

/**
 * Analyses one article with a CoreNLP pipeline from a cold JVM, the reference for {@code newsnlp bench startup}:
 * {@code java -cp benchmarks.jar org.newsnlp.bench.reference.CoreNlpAnalyze tuned|default FILE}. HTML files
 * ({@code .html}, {@code .htm}) go through newsnlp's extractor first. Prints the number of entity mentions.
 */
public final class CoreNlpAnalyze {

    private CoreNlpAnalyze() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CoreNlpAnalyze tuned|default FILE");
            System.exit(2);
        }
        StanfordCoreNLP pipeline = CoreNlpPipelines.named(args[0]);
        Path file = Path.of(args[1]);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = name.endsWith(".html") || name.endsWith(".htm")
                ? new JsoupArticleExtractor().fromHtml(content, null).text() : content;
        Annotation doc = new Annotation(text);
        pipeline.annotate(doc);
        List<CoreMap> mentions = doc.get(CoreAnnotations.MentionsAnnotation.class);
        System.out.println("mentions: " + (mentions == null ? 0 : mentions.size()));
    }
}
