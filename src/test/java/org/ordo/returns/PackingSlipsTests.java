package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class PackingSlipsTests {

    private static final String LINK = "https://shop.example/track/3f6c1e9a-7d52-4b8e-9a41-2c0d5e7f8b13?t=Qm9vbGVhbg";

    @Test
    void theQrCodeHasTheStandardsQuietZoneOfFourLightModulesOnEverySide() {
        boolean[][] dark = PackingSlips.qrCode(LINK);
        int n = dark.length;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < PackingSlips.QUIET_ZONE; k++) {
                assertThat(dark[k][i] || dark[n - 1 - k][i] || dark[i][k] || dark[i][n - 1 - k])
                        .as("module %d of quiet-zone ring %d", i, k).isFalse();
            }
        }
        // the code itself starts right inside the zone: the finder pattern's corner is dark
        assertThat(dark[PackingSlips.QUIET_ZONE][PackingSlips.QUIET_ZONE]).isTrue();
    }

    @Test
    void theQrCodeReadsBackAsTheLinkWhenTextIsDrawnRightBesideIt() throws Exception {
        boolean[][] dark = PackingSlips.qrCode(LINK);
        int cell = 4;
        int size = dark.length * cell;
        // the code with dark "text" strokes right up to its edges, as on a printed slip
        int width = size + 40;
        int[] pixels = new int[width * size];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < width; x++) {
                boolean black = x < size ? dark[y / cell][x / cell] : (y / 3) % 2 == 0 && x % 5 != 0;
                if (black) {
                    pixels[y * width + x] = 0xFF000000;
                }
            }
        }
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, size, pixels))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
        assertThat(read).isEqualTo(LINK);
    }
}
