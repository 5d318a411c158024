package org.geotrans.adapters.datasets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.NodeList;

class ChromaSubsamplingTest {

    /** A colour JPEG as ImageIO writes it: luma sampled 2x2, chroma 1x1 (4:2:0), or every component 1x1. */
    static byte[] colourJpeg(boolean fullChroma) throws IOException {
        BufferedImage image = Fixtures.colourImage(32, 32);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        if (fullChroma) {
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
            NodeList components = root.getElementsByTagName("componentSpec");
            for (int i = 0; i < components.getLength(); i++) {
                ((IIOMetadataNode) components.item(i)).setAttribute("HsamplingFactor", "1");
                ((IIOMetadataNode) components.item(i)).setAttribute("VsamplingFactor", "1");
            }
            metadata.setFromTree(format, root);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void givenA420Jpeg_thenItIsSubsampled() throws IOException {
        assertTrue(ChromaSubsampling.isSubsampled(colourJpeg(false)));
    }

    @Test
    void givenA444Jpeg_thenItIsNot() throws IOException {
        assertFalse(ChromaSubsampling.isSubsampled(colourJpeg(true)));
    }

    @Test
    void givenAGreyJpegOrAPng_thenNeither() throws IOException {
        assertFalse(ChromaSubsampling.isSubsampled(Fixtures.encode(Fixtures.greyImage(16, 16, 10), "jpg")));
        assertFalse(ChromaSubsampling.isSubsampled(Fixtures.encode(Fixtures.colourImage(16, 16), "png")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 10, 20, 100, 150, 170, 200})
    void givenAJpegCutShortAnywhereInItsHeaders_thenItIsNotSubsampledAndNothingIsThrown(int kept) throws IOException {
        byte[] whole = colourJpeg(false);
        byte[] cut = Arrays.copyOf(whole, Math.min(kept, whole.length));
        int frame = frameHeaderEnd(whole);
        if (kept < frame) {
            assertFalse(ChromaSubsampling.isSubsampled(cut), "cut at " + kept + " of a header ending at " + frame);
        } else {
            assertTrue(ChromaSubsampling.isSubsampled(cut), "cut at " + kept + " after the frame header at " + frame);
        }
    }

    @Test
    void givenASegmentLengthThatRunsPastTheEnd_thenItIsNotSubsampled() throws IOException {
        byte[] bytes = colourJpeg(false);
        bytes[4] = (byte) 0xFF; // the first segment (APP0) claims 65,535 bytes
        bytes[5] = (byte) 0xFF;
        assertFalse(ChromaSubsampling.isSubsampled(bytes));
    }

    /** The offset just past the frame header's last component, found independently of the class under test. */
    private static int frameHeaderEnd(byte[] jpeg) {
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i + 10 + 3 * (jpeg[i + 9] & 0xFF);
            }
        }
        throw new AssertionError("no baseline frame header");
    }
}
