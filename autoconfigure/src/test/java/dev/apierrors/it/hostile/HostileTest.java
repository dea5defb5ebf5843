package dev.apierrors.it.hostile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * One configuration for every class of the hostile suite, so that they share a single application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = HostileApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jackson.deserialization.fail-on-unknown-properties=true",
				"server.tomcat.threads.max=64", "api.errors.logging.levels.4xx=info" })
@ExtendWith(OutputCaptureExtension.class)
@interface HostileTest {

}
