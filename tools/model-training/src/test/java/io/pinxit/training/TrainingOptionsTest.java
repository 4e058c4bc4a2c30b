package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {

    @Test
    void argumentsOverrideTheDefaults() {
        TrainingOptions options = TrainingOptions.parse(new String[] {"--steps=10", "--seed=5", "--resume=true"});

        assertEquals(10, options.steps());
        assertEquals(5L, options.seed());
        assertEquals(64, options.batchSize());
        assertEquals(Path.of("models/emoji-dcgan"), options.modelDir());
        assertTrue(options.resume());
    }

    @Test
    void theRecordedCommandRepeatsTheRun() {
        TrainingOptions options = TrainingOptions.parse(new String[] {"--steps=10", "--batch-size=32", "--seed=5"});

        assertTrue(options.command().endsWith("exec:exec@train -Dsteps=10 -DbatchSize=32 -Dseed=5"), options.command());
    }

    @Test
    void theRecordedCommandNamesTheExecutionThatRanIt() {
        TrainingOptions options = TrainingOptions.parse(new String[] {"--steps=4000", "--seed=5", "--execution=train-cgan"});

        assertTrue(options.withSteps(3000).command().endsWith("exec:exec@train-cgan -Dsteps=3000 -DbatchSize=64 -Dseed=5"),
                options.command());
    }

    @Test
    void anArgumentWithoutAValueIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[] {"--steps"}));
    }
}
