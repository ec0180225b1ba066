package org.newsnlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The per-form weight sums used while tagging give exactly the scores of the features listed one by one,
 * including for unknown words, sentence boundaries and re-cased headlines.
 */
class FormSumsTest {

    @Test
    void summedFormsScoreExactlyLikeListedFeatures() {
        List<ConllDocument> train = PerceptronEntityRecognizerTest.corpus(30, 1);
        List<String> lines = new ArrayList<>();
        for (ConllDocument d : train) {
            for (ConllSentence s : d.sentences()) {
                lines.add(String.join(" ", s.tokens()));
            }
        }
        WordClusters clusters = WordClusters.learn(lines, new WordClusters.Settings(200, 1, 50, 16, 3, 5L, 2));
        PerceptronEntityRecognizer ner = new NerTrainer(new NerTrainer.Settings(3, 3L, 16, 3, true), clusters)
                .train(train, List.of(), m -> { });
        NerModel model = ner.model();
        int[] sums = model.features.formSums(model.stage.weights());
        assertNotNull(sums);

        List<String[]> doc = new ArrayList<>();
        for (ConllSentence s : PerceptronEntityRecognizerTest.corpus(3, 5).get(0).sentences()) {
            doc.add(s.tokens().toArray(new String[0]));
        }
        doc.add(new String[] {"ANNA", "BERG", "FLEW", "TO", "OSLO", "3", "."});
        doc.add(new String[] {"Zyx", "Quorvath", "said", "in", "Tokyo", "1996", "."});
        doc.add(new String[] {"Paris"});
        FeatureExtractor.Doc prepared = model.features.prepare(doc);
        FeatureExtractor.Buffer listed = new FeatureExtractor.Buffer();
        FeatureExtractor.Buffer summed = new FeatureExtractor.Buffer();
        int l = model.labels.length;
        int referenced = 0;
        for (int s = 0; s < prepared.sentences(); s++) {
            model.features.extract(prepared, s, listed);
            model.features.extract(prepared, s, summed, sums);
            int n = listed.n;
            float[] a = new float[n * l];
            float[] b = new float[n * l];
            Viterbi.emissions(model.stage.weights(), model.stage.scale(), l, listed, null, a);
            Viterbi.emissions(model.stage.weights(), model.stage.scale(), l, summed, null, b);
            assertArrayEquals(a, b, 0f, "sentence " + Arrays.toString(doc.get(s)));
            for (int k = 0; k < n * FeatureExtractor.ROLES; k++) {
                referenced += summed.roles[k] >= 0 ? 1 : 0;
            }
            assertTrue(summed.size < listed.size || n == 0);
        }
        assertTrue(referenced > 0, "no precomputed form was used");
    }
}
