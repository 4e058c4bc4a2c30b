package io.pinxit.inference;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips, saying why, tests asked to run on a kernel family this processor lacks: PyTorch would take the variable at its
 * word and stop on the first instruction the processor does not have.
 */
final class KernelFamilyCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Processor processor = Processor.current();
        return KernelFamily.requested(System.getenv())
                .filter(family -> !family.runsOn(processor.flags()))
                .map(family -> ConditionEvaluationResult.disabled("%s=%s asks for kernels that %s cannot run"
                        .formatted(KernelFamily.ATEN_VARIABLE, family.variableValue(), processor.model())))
                .orElseGet(() -> ConditionEvaluationResult.enabled(
                        "kernels " + KernelFamily.describe(System.getenv(), processor.flags())));
    }
}
