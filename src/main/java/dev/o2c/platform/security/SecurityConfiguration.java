package dev.o2c.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(UserProperties.class)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health/**").permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
            writeProblem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required: use HTTP Basic")))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((request, response, e) ->
                writeProblem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required: use HTTP Basic"))
            .accessDeniedHandler((request, response, e) ->
                writeProblem(response, json, HttpStatus.FORBIDDEN, "Your groups may not do this")))
        // A stateless JSON API authenticated on every request: no session, so no CSRF token to steal.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(UserProperties properties) {
    List<UserDetails> users = properties.getUsers().entrySet().stream()
        .map(entry -> User.withUsername(entry.getKey())
            .password(entry.getValue().getPassword())
            .authorities(entry.getValue().getGroups().stream().map(SimpleGrantedAuthority::new).toList())
            .build())
        .map(UserDetails.class::cast)
        .toList();
    return new InMemoryUserDetailsManager(users);
  }

  static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"o2c\"");
    }
    json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
  }
}
