package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryAgreementTest {

    @Test
    void theMeanWeighsEveryCategoryTheSameWhateverItsSize() {
        var agreement = CategoryAgreement.empty(List.of("big", "small"));
        agreement.add(0, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        agreement.add(1, new int[] {0, 1});

        assertEquals(0.9, agreement.share(0), 1e-9);
        assertEquals(0.5, agreement.share(1), 1e-9);
        assertEquals(0.7, agreement.meanShare(), 1e-9);
        assertEquals(10.0 / 12, agreement.overall(), 1e-9);
        assertEquals("big (1)", agreement.mostCommonOther(1));
    }
}
