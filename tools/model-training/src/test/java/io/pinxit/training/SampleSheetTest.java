package io.pinxit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSheetTest {

    @Test
    void sixtyFourPicturesMakeAnEightByEightGridEnlargedFourTimesWithNearestNeighbour() {
        List<BufferedImage> pictures = new ArrayList<>();
        for (int i = 0; i < SampleSheet.COUNT; i++) {
            var picture = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(0, 0, 0xFF0000);
            pictures.add(picture);
        }

        BufferedImage sheet = SampleSheet.render(pictures);

        int tile = 32 * SampleSheet.SCALE;
        assertEquals(8 * tile + 9 * SampleSheet.GAP, sheet.getWidth());
        assertEquals(8 * tile + 9 * SampleSheet.GAP, sheet.getHeight());
        int corner = SampleSheet.GAP;
        assertEquals(0xFF0000, sheet.getRGB(corner + 3, corner + 3) & 0xFFFFFF);
        assertEquals(0x000000, sheet.getRGB(corner + 4, corner + 4) & 0xFFFFFF);
    }
}
