package org.newsnlp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.newsnlp.extract.ExtractedArticle;
import org.newsnlp.extract.JsoupArticleExtractor;
import org.newsnlp.topic.LabeledDocument;
import org.newsnlp.topic.Topic;
import org.newsnlp.topic.TopicDataset;
import org.newsnlp.topic.TopicModel;
import org.newsnlp.topic.TopicPrediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsnlp topics predict}: one JSON line of topics per document. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print one JSON line per document: id, topics (label, score; highest first) and, for a "
                + "multi-label model, labels (the predicted set).",
                "Documents come from a dataset (--data, labels optional) or from text/HTML files."})
final class TopicsPredictCommand extends TopicsCommand.Base {

    @Option(names = "--model", defaultValue = "news-bbc5", paramLabel = "MODEL",
            description = "Model file, or a shipped model name: news-bbc5 (default), reuters-econ90.")
    String model;

    @Option(names = "--data", paramLabel = "FILE", description = "Dataset (CSV or JSON lines, gzipped or not).")
    Path data;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|csv|jsonl", description = "Dataset format.")
    String format;

    @Option(names = "--text-fields", split = ",", paramLabel = "F1,F2", description = "Dataset text fields.")
    List<String> textFields = new ArrayList<>();

    @Option(names = "--label-field", paramLabel = "FIELD", description = "Dataset label field (ignored).")
    String labelField;

    @Option(names = "--top", paramLabel = "N", description = "Print only the N best topics.")
    Integer top;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Text or HTML files (or - for standard input).")
    List<String> files = new ArrayList<>();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    int execute() throws Exception {
        if ((data == null) == files.isEmpty()) {
            throw new IllegalArgumentException("give either --data FILE or document files");
        }
        TopicModel m = TopicModel.loadNamedOrFile(model);
        int failed = 0;
        if (data != null) {
            TopicsCommand.DataOptions o = new TopicsCommand.DataOptions();
            o.data = data;
            o.format = List.of(format);
            o.textFields = textFields;
            o.labelField = labelField;
            for (LabeledDocument d : TopicDataset.read(data, o.options(false))) {
                print(d.id(), m, m.classify(d.title(), d.text()));
            }
        } else {
            JsoupArticleExtractor extractor = new JsoupArticleExtractor();
            for (String f : Inputs.expand(files)) {
                try {
                    Inputs.Document d = Inputs.read(f, Inputs.Kind.AUTO, System.in);
                    String id = f.equals("-") ? "-" : Path.of(f).getFileName().toString();
                    TopicPrediction p;
                    if (d.html()) {
                        ExtractedArticle a = extractor.fromHtml(d.content(), null);
                        p = m.classify(a.title(), a.text());
                    } else {
                        p = m.classify("", d.content());
                    }
                    print(id, m, p);
                } catch (Inputs.BadInputException e) {
                    err().println("newsnlp topics predict: " + e.getMessage());
                    failed++;
                }
            }
        }
        out().flush();
        err().flush();
        return failed == 0 ? 0 : 1;
    }

    private void print(String id, TopicModel m, TopicPrediction p) throws Exception {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        List<Map<String, Object>> topics = new ArrayList<>();
        for (Topic t : p.topics()) {
            if (top != null && topics.size() >= top) {
                break;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("label", t.label());
            e.put("score", Math.round(t.score() * 1e6) / 1e6);
            topics.add(e);
        }
        o.put("topics", topics);
        if (m.multiLabel()) {
            o.put("labels", p.labels());
        }
        out().println(JSON.writeValueAsString(o));
    }
}
