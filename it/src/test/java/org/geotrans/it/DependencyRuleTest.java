package org.geotrans.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal dependency rule on the compiled classes (the enforcer rules in each module's pom
 * check the Maven dependencies; this checks the imports): dependencies point inwards only.
 */
class DependencyRuleTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // the modules' test-jars (shared test helpers) are tests too, though not in a test-classes folder
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.geotrans");
    }

    @Test
    void theDomainUsesNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.geotrans.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.geotrans.domain..", "java..")
                .check(classes);
    }

    @Test
    void theApplicationUsesOnlyTheDomainAndInjection() {
        noClasses().that().resideInAPackage("org.geotrans.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.geotrans.adapters..", "org.deeplearning4j..",
                        "org.nd4j..", "org.bytedeco..", "weka..", "libsvm..", "picocli..", "com.google..")
                .check(classes);
    }

    @Test
    void leafAdaptersDoNotUseEachOtherOrTheDeployments() {
        for (String leaf : new String[] {"dl4j", "libtorch", "datasets", "libsvm", "store", "baselines"}) {
            noClasses().that().resideInAPackage("org.geotrans.adapters." + leaf + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.geotrans.application..", "weka..", "picocli..")
                    .check(classes);
            for (String other : new String[] {"dl4j", "libtorch", "datasets", "libsvm", "store", "baselines", "weka", "cli"}) {
                // the deep baselines start ND4J through adapters-dl4j's Dl4jBackend and check model zips
                // with its Dl4jModelZip, and use nothing else of it (the rule below)
                boolean backendStart = leaf.equals("baselines") && other.equals("dl4j");
                if (!other.equals(leaf) && !backendStart) {
                    noClasses().that().resideInAPackage("org.geotrans.adapters." + leaf + "..")
                            .should().dependOnClassesThat().resideInAPackage("org.geotrans.adapters." + other + "..")
                            .check(classes);
                }
            }
        }
    }

    /** The backend's start and the safe restore of a model zip are shared; the Wide ResNet is not. */
    @Test
    void theDeepBaselinesUseOnlyTheBackendStartAndModelZipCheckOfAdaptersDl4j() {
        DescribedPredicate<HasName> shared = HasName.Predicates.name("org.geotrans.adapters.dl4j.Dl4jBackend")
                .or(HasName.Predicates.name("org.geotrans.adapters.dl4j.Dl4jModelZip"));
        noClasses().that().resideInAPackage("org.geotrans.adapters.baselines..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.geotrans.adapters.dl4j..")
                        .and(DescribedPredicate.not(shared)))
                .check(classes);
    }

    @Test
    void theLibtorchBaselinesUseOnlyTheRuntimeOfAdaptersLibtorch() {
        DescribedPredicate<HasName> runtime = HasName.Predicates.name("org.geotrans.adapters.libtorch.LibtorchRuntime")
                .or(HasName.Predicates.name("org.geotrans.adapters.libtorch.Tensors"))
                .or(HasName.Predicates.name("org.geotrans.adapters.libtorch.Precision"))
                .or(HasName.Predicates.name("org.geotrans.adapters.libtorch.LibtorchTuning"));
        noClasses().that().resideInAPackage("org.geotrans.adapters.libtorch.baselines..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.geotrans.adapters.libtorch")
                        .and(DescribedPredicate.not(runtime)))
                .check(classes);
        // and the classifier's adapter never reaches into the baselines built on it
        noClasses().that().resideInAPackage("org.geotrans.adapters.libtorch")
                .should().dependOnClassesThat().resideInAPackage("org.geotrans.adapters.libtorch.baselines..")
                .check(classes);
    }

    @Test
    void theWekaPackageDoesNotUseTheCommandLineNorTheOtherWayRound() {
        noClasses().that().resideInAPackage("org.geotrans.adapters.weka..")
                .should().dependOnClassesThat().resideInAnyPackage("org.geotrans.adapters.cli..", "picocli..")
                .check(classes);
        noClasses().that().resideInAPackage("org.geotrans.adapters.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.geotrans.adapters.weka..", "weka..")
                .check(classes);
    }

    @Test
    void sparkIsUsedByTheSparkAdapterAloneWhichTheCommandLineFindsByServiceLoader() {
        noClasses().that().resideOutsideOfPackage("org.geotrans.adapters.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..", "org.geotrans.adapters.spark..")
                .check(classes);
    }
}
