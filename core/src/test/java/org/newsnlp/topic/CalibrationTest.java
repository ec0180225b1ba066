package org.newsnlp.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void plattSigmoidIncreasesWithTheScore() {
        double[] s = {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 0.2, -0.2};
        boolean[] y = {false, false, false, false, true, true, true, true, true, false, true};
        double[] ab = Calibration.platt(s, y);
        assertTrue(ab[0] < 0, "a " + ab[0]);
        double lo = LinearTopicClassifier.sigmoid(ab[0] * -2 + ab[1]);
        double hi = LinearTopicClassifier.sigmoid(ab[0] * 2 + ab[1]);
        assertTrue(lo < 0.2 && hi > 0.8, lo + " " + hi);
    }

    @Test
    void f1ThresholdSeparatesHeldOutClasses() {
        double[] p = {0.9, 0.8, 0.7, 0.3, 0.2, 0.1};
        boolean[] y = {true, true, true, false, false, false};
        assertEquals(0.5, Calibration.f1Threshold(p, y, 0.3), 1e-6);
    }

    @Test
    void untrustworthyLabelsGetAConservativeThreshold() {
        double[] p = {0.9, 0.8, 0.7, 0.3, 0.2, 0.1};
        boolean[] y = {false, false, false, false, false, true};
        assertTrue(Calibration.f1Threshold(p, y, 0.3) >= 0.9f);
    }

    @Test
    void temperatureSharpensConfidentScores() {
        double[][] s = {{1, -1}, {-1, 1}, {0.8, -0.9}, {-1.1, 0.9}};
        int[] gold = {0, 1, 0, 1};
        assertTrue(Calibration.temperature(s, gold) > 5);
    }
}
