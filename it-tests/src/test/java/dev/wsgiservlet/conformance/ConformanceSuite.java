package dev.wsgiservlet.conformance;

/**
 * Every conformance area and the sample WAR smoke test. A container's test class implements this
 * one interface, so each container runs the same tests and a new area reaches all of them at once.
 */
public interface ConformanceSuite extends EnvironConformance, PathConformance, InputConformance,
        StartResponseConformance, BodyConformance, CloseConformance, FileWrapperConformance, ErrorConformance,
        ConfigConformance, GunicornRequestsConformance, SampleWarSmoke {
}
