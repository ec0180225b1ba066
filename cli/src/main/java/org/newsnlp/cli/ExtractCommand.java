package org.newsnlp.cli;

import java.util.ArrayList;
import java.util.List;

import org.newsnlp.extract.ArticleExtractor;
import org.newsnlp.extract.ExtractedArticle;
import org.newsnlp.extract.JsoupArticleExtractor;
import picocli.CommandLine.Command;

/** {@code newsnlp extract}: article extraction alone. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article (title, text, metadata, related teasers) from news pages or scraped text.")
final class ExtractCommand extends DocumentCommand {

    private final ArticleExtractor extractor = new JsoupArticleExtractor();

    @Override
    List<Result> process(List<Inputs.Document> docs) {
        List<Result> out = new ArrayList<>(docs.size());
        for (Inputs.Document d : docs) {
            try {
                ExtractedArticle a = d.html() ? extractor.fromHtml(d.content(), null) : extractor.fromText(d.content());
                out.add(new Result(ArticleJson.extracted(d.source(), a), null));
            } catch (RuntimeException e) {
                out.add(new Result(null, "extraction failed: " + e));
            }
        }
        return out;
    }
}
