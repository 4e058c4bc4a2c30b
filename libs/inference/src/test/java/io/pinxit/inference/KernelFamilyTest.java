package io.pinxit.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KernelFamilyTest {

    private static final Set<String> EPYC = Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512vl", "avx512bw",
            "avx512dq", "avx512_vnni");
    private static final Set<String> HASWELL = Set.of("sse4_2", "avx", "avx2", "fma");

    @Test
    void withoutTheVariableTheBestFamilyTheProcessorRunsIsUsedAsAtenDecides() {
        assertThat(KernelFamily.inEffect(Map.of(), EPYC)).isEqualTo(KernelFamily.AVX512);
        assertThat(KernelFamily.inEffect(Map.of(), HASWELL)).isEqualTo(KernelFamily.AVX2);
        assertThat(KernelFamily.inEffect(Map.of(), Set.of("avx2"))).as("AVX2 without FMA").isEqualTo(KernelFamily.DEFAULT);
        assertThat(KernelFamily.inEffect(Map.of(), Set.of("avx512f", "avx512vl", "avx2", "fma")))
                .as("AVX-512 without BW and DQ").isEqualTo(KernelFamily.AVX2);
    }

    @Test
    void theVariableChoosesTheFamilyAndAnUnknownValueIsIgnored() {
        assertThat(KernelFamily.inEffect(Map.of(KernelFamily.ATEN_VARIABLE, "avx2"), EPYC)).isEqualTo(KernelFamily.AVX2);
        assertThat(KernelFamily.inEffect(Map.of(KernelFamily.ATEN_VARIABLE, " DEFAULT "), EPYC)).isEqualTo(KernelFamily.DEFAULT);
        assertThat(KernelFamily.inEffect(Map.of(KernelFamily.ATEN_VARIABLE, "sse9"), HASWELL)).isEqualTo(KernelFamily.AVX2);
    }

    @Test
    void aFamilyRunsOnlyOnAProcessorWithAllItsInstructions() {
        assertThat(KernelFamily.AVX512.runsOn(EPYC)).isTrue();
        assertThat(KernelFamily.AVX512.runsOn(HASWELL)).isFalse();
        assertThat(KernelFamily.AVX2.runsOn(HASWELL)).isTrue();
        assertThat(KernelFamily.DEFAULT.runsOn(Set.of())).isTrue();
    }

    @Test
    void theDescriptionNamesOneDnnsCapWhenOneIsSet() {
        assertThat(KernelFamily.describe(Map.of(), EPYC)).isEqualTo("avx512");
        assertThat(KernelFamily.describe(Map.of(KernelFamily.ONEDNN_VARIABLE, "ALL"), EPYC)).isEqualTo("avx512");
        assertThat(KernelFamily.describe(Map.of(KernelFamily.ATEN_VARIABLE, "avx2", KernelFamily.ONEDNN_VARIABLE, "AVX2"), EPYC))
                .isEqualTo("avx2/onednn<=avx2");
    }

    @Test
    void theProcessorIsTheFirstModelNameAndFlagsOfCpuinfo() {
        Processor processor = Processor.parse(List.of(
                "processor\t: 0", "model name\t: AMD EPYC 9R45", "flags\t\t: fpu sse avx2 fma avx2", "",
                "processor\t: 1", "model name\t: Other", "flags\t\t: fpu"));

        assertThat(processor.model()).isEqualTo("AMD EPYC 9R45");
        assertThat(processor.flags()).containsExactlyInAnyOrder("fpu", "sse", "avx2", "fma");
        assertThat(Processor.parse(List.of()).model()).isEqualTo(System.getProperty("os.arch"));
    }
}
