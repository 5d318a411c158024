import java.awt.Component;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaPackageManager;
import weka.gui.explorer.ClassifierPanel;
import weka.gui.explorer.Explorer;

/**
 * Opens Weka's Explorer with the installed GeoTrans package, loads 600 Fashion-MNIST test images
 * through the package's loader (Trouser against the rest), selects GeoTrans
 * in the Classify tab (the same editor value the classifier tree sets), runs it on a 66 % split
 * and saves a picture of the window. Usage (under Xvfb, WEKA_HOME holding the installed package):
 * java -cp weka.jar:... docs/screenshot/ExplorerScreenshot.java t10k-images-idx3-ubyte.gz out.png
 */
public class ExplorerScreenshot {
    public static void main(String[] args) throws Exception {
        WekaPackageManager.loadPackages(false);
        // the package's image loader and normal-versus-rest filter, as the Preprocess tab would use them
        weka.core.converters.AbstractFileLoader loader = (weka.core.converters.AbstractFileLoader) Utils.forName(
                weka.core.converters.AbstractFileLoader.class, "org.geotrans.adapters.weka.ImageDatasetLoader",
                Utils.splitOptions("-split TEST -max 600"));
        loader.setFile(new File(args[0]));
        Instances images = loader.getDataSet();
        images.setClassIndex(images.numAttributes() - 1);
        weka.filters.Filter filter = (weka.filters.Filter) Utils.forName(weka.filters.Filter.class,
                "org.geotrans.adapters.weka.NormalVersusRest", Utils.splitOptions("-normal Trouser"));
        filter.setInputFormat(images);
        Instances train = weka.filters.Filter.useFilter(images, filter);
        Classifier geoTrans = (Classifier) Utils.forName(Classifier.class, "org.geotrans.adapters.weka.GeoTrans",
                Utils.splitOptions("-transformations simple8 -depth 10 -width 1 -epochs 2 -minibatch 64"));
        Explorer[] explorer = new Explorer[1];
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            explorer[0] = new Explorer();
            frame[0] = new JFrame("Weka Explorer");
            frame[0].getContentPane().add(explorer[0]);
            frame[0].setSize(1200, 820);
            frame[0].setVisible(true);
            explorer[0].getPreprocessPanel().setInstances(train);
        });
        Thread.sleep(3000);
        ClassifierPanel panel = explorer[0].getPanels().stream().filter(ClassifierPanel.class::isInstance)
                .map(ClassifierPanel.class::cast).findFirst().orElseThrow();
        java.lang.reflect.Field editor = ClassifierPanel.class.getDeclaredField("m_ClassifierEditor");
        editor.setAccessible(true);
        weka.gui.GenericObjectEditor classifierEditor = (weka.gui.GenericObjectEditor) editor.get(panel);
        SwingUtilities.invokeAndWait(() -> {
            classifierEditor.setValue(geoTrans);
            JTabbedPane tabs = explorer[0].getTabbedPane();
            tabs.setSelectedIndex(1);
        });
        // percentage split (66 % train) rather than the default 10-fold cross-validation
        java.lang.reflect.Field percent = ClassifierPanel.class.getDeclaredField("m_PercentBut");
        percent.setAccessible(true);
        SwingUtilities.invokeAndWait(() -> {
            try {
                ((javax.swing.JRadioButton) percent.get(panel)).doClick();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
        java.lang.reflect.Field start = ClassifierPanel.class.getDeclaredField("m_StartBut");
        start.setAccessible(true);
        SwingUtilities.invokeAndWait(() -> {
            try {
                ((javax.swing.JButton) start.get(panel)).doClick();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(2000);
        while (isRunning(panel)) {
            Thread.sleep(1000);
        }
        Thread.sleep(2000);
        BufferedImage image = new BufferedImage(frame[0].getWidth(), frame[0].getHeight(), BufferedImage.TYPE_INT_RGB);
        SwingUtilities.invokeAndWait(() -> frame[0].paint(image.getGraphics()));
        ImageIO.write(image, "png", new File(args[1]));
        System.out.println("saved " + args[1]);
        System.exit(0);
    }

    private static boolean isRunning(ClassifierPanel panel) throws Exception {
        java.lang.reflect.Field runner = ClassifierPanel.class.getDeclaredField("m_RunThread");
        runner.setAccessible(true);
        return runner.get(panel) != null;
    }
}
