package dev.hotcold.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hotcold.core.engine.GuessStrategy;
import dev.hotcold.core.engine.Guesser;
import dev.hotcold.core.events.GameListener;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code base, checked on every build: what the design guide says in prose, as
 * ArchUnit rules over the compiled classes of every module (tests excluded).
 */
class ArchitectureTest {
    private static JavaClasses hotcold;

    @BeforeAll
    static void importEveryModule() {
        hotcold = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hotcold");
        // A rule over no classes passes whatever it says: make sure every module was found.
        for (String module : Set.of("dev.hotcold.core.server", "dev.hotcold.socket", "dev.hotcold.transport.nio",
                "dev.hotcold.transport.blocking", "dev.hotcold.transport.inmemory", "dev.hotcold.transport.netty", "dev.hotcold.testkit",
                "dev.hotcold.junit", "dev.hotcold.cli")) {
            if (!hotcold.containPackage(module)) {
                throw new AssertionError("no classes of " + module + " on the class path");
            }
        }
    }

    @Test
    void noPackageCycleInAnyModuleOrBetweenModules() {
        // Every package is a slice of its own: a cycle inside core, inside a transport, or across
        // modules all fail here.
        slices().matching("dev.hotcold.(**)").should().beFreeOfCycles().check(hotcold);
    }

    @Test
    void transportsDoNotDependOnEachOther() {
        slices().matching("dev.hotcold.transport.(*)..").should().notDependOnEachOther().check(hotcold);
    }

    @Test
    void coreTouchesNoSocket() {
        noClasses().that().resideInAPackage("dev.hotcold.core..")
                .should().dependOnClassesThat().resideInAPackage("java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.net.Socket.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.net.ServerSocket.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.net.DatagramSocket.class.getName())
                .because("core is socket-free: transports move the bytes")
                .check(hotcold);
    }

    @Test
    void coreDependsOnTheJdkAlone() {
        noClasses().that().resideInAPackage("dev.hotcold.core..")
                // javax.net.ssl and javax.security.auth.x500 (TLS settings, a client's certificate
                // subject) are java.base too.
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "jdk.jfr..", "javax.net.ssl..",
                        "javax.security.auth.x500..", "dev.hotcold.core..")
                .check(hotcold);
    }

    @Test
    void coreStartsNoThread() {
        noClasses().that().resideInAPackage("dev.hotcold.core..")
                .should().callMethod(Thread.class, "start")
                .orShould().callMethod(Thread.class, "ofPlatform")
                .orShould().callMethod(Thread.class, "ofVirtual")
                .orShould().callMethod(Thread.class, "startVirtualThread", Runnable.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.util.concurrent.Executors.class.getName())
                .orShould().callConstructorWhere(describe("a Thread constructor",
                        call -> call.getTargetOwner().isAssignableTo(Thread.class)))
                .check(hotcold);
    }

    @Test
    void theProtocolSessionAndEngineAreSansIo() {
        noClasses().that().resideInAnyPackage("dev.hotcold.core.protocol..", "dev.hotcold.core.codec..",
                        "dev.hotcold.core.engine..", "dev.hotcold.core.scoring..", "dev.hotcold.core.session..",
                        "dev.hotcold.core.events..")
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.net.Socket.class.getName())
                .because("the session is fed bytes and asked for bytes; it never waits, reads a clock or does I/O")
                .check(hotcold);
    }

    @Test
    void onlyTheBoundaryCallsUserCode() {
        noClasses().that().resideInAnyPackage("dev.hotcold.core..", "dev.hotcold.socket..", "dev.hotcold.transport..")
                .and().resideOutsideOfPackage("dev.hotcold.core.boundary..")
                .should().callMethodWhere(describe("a callback of GameListener, GuessStrategy or Guesser",
                        ArchitectureTest::callsBack))
                .because("user code is called in one place, dev.hotcold.core.boundary.UserCode, under one policy")
                .check(hotcold);
    }

    /**
     * Whether {@code call} runs a user's callback: an instance method of one of the interfaces
     * users implement for the server, other than the methods of {@code Object} (a config's
     * {@code equals}, say) and the interfaces' static factories.
     */
    private static boolean callsBack(JavaMethodCall call) {
        boolean userInterface = call.getTargetOwner().isEquivalentTo(GameListener.class)
                || call.getTargetOwner().isEquivalentTo(GuessStrategy.class)
                || call.getTargetOwner().isEquivalentTo(Guesser.class);
        boolean objectMethod = Set.of("equals", "hashCode", "toString").contains(call.getName());
        boolean isStatic = call.getTarget().resolveMember()
                .map(method -> method.getModifiers().contains(JavaModifier.STATIC))
                .orElse(false);
        return userInterface && !objectMethod && !isStatic;
    }
}
