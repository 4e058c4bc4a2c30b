package io.pinxit.inference;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests whose numbers depend on the kernels the processor dispatches to. The build runs them again under every
 * kernel family (this module's pom), each where the processor can run it (see {@link KernelFamilyCondition}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("kernel-sensitive")
@ExtendWith(KernelFamilyCondition.class)
public @interface KernelSensitive {
}
