package dev.wsgiservlet.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HiddenJdkPackageTest {

    @Test
    void unsafeHiddenByWildFlyIsNamedWithTheFix() {
        Exception failure = new IllegalStateException(new NoClassDefFoundError("sun/misc/Unsafe"));
        String message = HiddenJdkPackage.explain(failure);
        assertTrue(message.startsWith("GraalPy needs the JDK package sun.misc, which the web application's class"
                + " loader does not see (sun/misc/Unsafe). On WildFly, list it in JBOSS_MODULES_SYSTEM_PKGS"), message);
        assertTrue(message.endsWith("see docs/python.md, \"WildFly\""), message);
    }

    @Test
    void aLaterAttemptReportsTheFirstFailureThroughItsInitializerError() {
        // What every later start sees: the class whose initialiser failed, then the original error as text.
        Error later = new NoClassDefFoundError("Could not initialize class org.graalvm.polyglot.Engine$ImplHolder");
        later.initCause(new ExceptionInInitializerError(
                "Exception java.lang.NoClassDefFoundError: jdk/vm/ci/services/Services [in thread \"starter\"]"));
        String message = HiddenJdkPackage.explain(new IllegalStateException(later));
        assertTrue(message.startsWith("GraalPy needs the JDK package jdk.vm.ci, "), message);
    }

    @Test
    void theJitPackagesAreNamedToo() {
        assertTrue(HiddenJdkPackage.explain(new NoClassDefFoundError("com/oracle/truffle/compiler/TruffleCompilationSupport"))
                .startsWith("GraalPy needs the JDK package com.oracle.truffle.compiler, "));
        assertTrue(HiddenJdkPackage.explain(new NoClassDefFoundError("jdk/jfr/FlightRecorder"))
                .startsWith("GraalPy needs the JDK package jdk.jfr, "));
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertNull(HiddenJdkPackage.explain(new IllegalStateException("sun/misc/Unsafe in a message of another kind")));
        assertNull(HiddenJdkPackage.explain(new NoClassDefFoundError("com/example/Missing")));
        assertNull(HiddenJdkPackage.explain(new RuntimeException((String) null)));
        assertEquals(null, HiddenJdkPackage.explain(null));
    }
}
