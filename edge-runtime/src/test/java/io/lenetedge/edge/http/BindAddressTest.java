package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BindAddressTest {
  @ParameterizedTest
  @CsvSource({"8080, 127.0.0.1, 8080", "0, 127.0.0.1, 0", "localhost:9000, localhost, 9000",
      "0.0.0.0:80, 0.0.0.0, 80", "'[::]:8080', ::, 8080", "'[::1]:1', ::1, 1",
      "' 192.168.1.5:65535 ', 192.168.1.5, 65535"})
  void parsesPortOrHostAndPort(String text, String host, int port) {
    assertEquals(new BindAddress(host, port), BindAddress.parse(text));
  }

  @Test
  void aBarePortStaysOnLoopbackAndAllInterfacesMustBeNamed() {
    assertFalse(BindAddress.parse("8080").allInterfaces());
    assertTrue(BindAddress.parse("0.0.0.0:8080").allInterfaces());
    assertTrue(BindAddress.parse("[::]:8080").allInterfaces());
  }

  @Test
  void urlsBracketIpv6() {
    assertEquals("http://127.0.0.1:4321/", BindAddress.parse("0").url(4321));
    assertEquals("http://[::1]:80/", BindAddress.parse("[::1]:0").url(80));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "http", "65536", "-1", "host:", ":80", "::1:80", "[::1]80", "a:b"})
  void rejectsWhatIsNotHostAndPortWithTheOptionInTheMessage(String text) {
    UserError e = assertThrows(UserError.class, () -> BindAddress.parse(text));
    assertEquals(UserError.Kind.USAGE, e.kind());
    assertTrue(e.getMessage().startsWith("--http"), e.getMessage());
  }
}
