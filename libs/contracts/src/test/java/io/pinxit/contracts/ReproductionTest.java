package io.pinxit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReproductionTest {

    private static final ComputePlatform AVX2 = new ComputePlatform("cpu()", "AMD EPYC", "avx2", 2, "PyTorch 2.7.1 via DJL 0.35.1");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void picturesFromTheSameDeviceKindKernelsAndThreadsMustBeIdenticalWhateverTheProcessor() {
        assertThat(AVX2.sameNumericsAs(new ComputePlatform("cpu(1)", "Intel Xeon", "avx2", 2, "PyTorch 2.7.1 via DJL 0.35.1")))
                .isTrue();
        assertThat(AVX2.sameNumericsAs(new ComputePlatform("cpu()", "AMD EPYC", "avx512", 2, "PyTorch 2.7.1 via DJL 0.35.1")))
                .isFalse();
        assertThat(AVX2.sameNumericsAs(new ComputePlatform("cpu()", "AMD EPYC", "avx2", 8, "PyTorch 2.7.1 via DJL 0.35.1")))
                .isFalse();
        assertThat(AVX2.sameNumericsAs(new ComputePlatform("gpu(0)", "AMD EPYC", "avx2", 2, "PyTorch 2.7.1 via DJL 0.35.1")))
                .isFalse();
        assertThat(AVX2.sameNumericsAs(null)).isFalse();
    }

    @Test
    void aPixelDifferenceWithinTwoLevelsIsRoundingAndMoreIsAnotherPicture() {
        assertThat(Reproduction.closenessOf(0)).isEqualTo(Reproduction.Closeness.IDENTICAL);
        assertThat(Reproduction.closenessOf(1)).isEqualTo(Reproduction.Closeness.ROUNDING);
        assertThat(Reproduction.closenessOf(Reproduction.ROUNDING_LEVELS)).isEqualTo(Reproduction.Closeness.ROUNDING);
        assertThat(Reproduction.closenessOf(Reproduction.ROUNDING_LEVELS + 1)).isEqualTo(Reproduction.Closeness.DIFFERENT);
    }

    @Test
    void anOutcomeSaysWhetherThePlatformChangedAndAnUnknownOriginalCountsAsChanged() throws Exception {
        var avx512 = new ComputePlatform("cpu()", "AMD EPYC", "avx512", 2, "PyTorch 2.7.1 via DJL 0.35.1");
        var sameKernels = new Reproduction(UUID.randomUUID(), true, "a", "a", Reproduction.Closeness.IDENTICAL, 0, null,
                AVX2, AVX2);
        var otherKernels = new Reproduction(UUID.randomUUID(), false, "a", "b", Reproduction.Closeness.ROUNDING, 1, 83.0,
                AVX2, avx512);
        var unknownOriginal = new Reproduction(UUID.randomUUID(), false, "a", "b", Reproduction.Closeness.ROUNDING, 1,
                83.0, null, avx512);

        assertThat(sameKernels.platformDiffers()).isFalse();
        assertThat(otherKernels.platformDiffers()).isTrue();
        assertThat(unknownOriginal.platformDiffers()).isTrue();
        String text = json.writeValueAsString(otherKernels);
        assertThat(json.readTree(text).get("platformDiffers").asBoolean()).isTrue();
        assertThat(json.readValue(text, Reproduction.class)).isEqualTo(otherKernels);
    }

    @Test
    void anOutcomeRecordedBeforePlatformsWereReadsWithDefaults() throws Exception {
        UUID artwork = UUID.randomUUID();
        String old = "{\"artworkId\":\"%s\",\"identical\":true,\"storedPixelsSha256\":\"a\",\"newPixelsSha256\":\"a\"}"
                .formatted(artwork);

        Reproduction read = json.readValue(old, Reproduction.class);

        assertThat(read.identical()).isTrue();
        assertThat(read.originalPlatform()).isNull();
        assertThat(read.closeness()).isNull();
    }
}
