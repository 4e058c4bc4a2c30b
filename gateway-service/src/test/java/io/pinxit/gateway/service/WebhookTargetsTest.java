package io.pinxit.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinxit.problem.ProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(false);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://[::1]/hook", "https://10.1.2.3/", "https://172.16.0.9/",
        "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/", "https://0.0.0.0/",
        "https://[fd00::1]/", "https://[fe80::1]/", "https://224.0.0.1/", "https://localhost/hook"})
    void addressesInsideTheGatewaysNetworkAreRefused(String url) {
        assertThatThrownBy(() -> targets.check("url", url)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().errors()).extracting("field").containsExactly("url");
            assertThat(e.getMessage()).contains("not a public address");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hook", "ftp://93.184.215.14/", "https://user:pw@93.184.215.14/",
        "not a url", "/relative", "https://no-such-host.invalid/"})
    void plainHttpOtherSchemesCredentialsAndUnknownHostsAreRefused(String url) {
        assertThatThrownBy(() -> targets.check("url", url)).isInstanceOf(ProblemException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "https://[2606:4700::6810:85e5]/events?source=pinxit"})
    void httpsToAPublicAddressIsAllowed(String url) {
        assertThat(targets.check("url", url)).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9999/hook", "https://10.0.0.7/"})
    void anOperatorMayAllowPrivateTargetsAndPlainHttp(String url) {
        assertThat(new WebhookTargets(true).check("url", url)).isEqualTo(URI.create(url));
    }

    @Test
    void aCallGoesToTheAddressThatWasCheckedAtTheURLsPortOrItsSchemes() throws UnknownHostException {
        var target = targets.target(URI.create("https://93.184.215.14/hook"));
        assertThat(target.address()).isEqualTo(InetAddress.getByName("93.184.215.14"));
        assertThat(target.port()).isEqualTo(443);

        var allowed = new WebhookTargets(true).target(URI.create("http://127.0.0.1:9999/hook"));
        assertThat(allowed.address().isLoopbackAddress()).isTrue();
        assertThat(allowed.port()).isEqualTo(9999);
        assertThat(new WebhookTargets(true).target(URI.create("http://10.0.0.7/")).port()).isEqualTo(80);
    }
}
