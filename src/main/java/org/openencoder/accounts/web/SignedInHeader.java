package org.openencoder.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Every page's header says who is signed in (templates/accounts/header.html).
 *
 * <p>Added to a view's model after its controller ran, not as a {@code @ModelAttribute} of a
 * controller advice: Spring MVC invokes an advice's model attributes for every annotated handler,
 * the JSON API's and the actuator's too, reflectively and on every request, although only a view
 * reads them.
 */
@Configuration(proxyBeanMethods = false)
class SignedInHeader implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public void postHandle(
              HttpServletRequest request,
              HttpServletResponse response,
              Object handler,
              @Nullable ModelAndView modelAndView) {
            if (rendersAPage(modelAndView)) {
              modelAndView.addObject("signedIn", MeteringInterceptor.signedIn().orElse(null));
            }
          }
        });
  }

  /**
   * Not a redirect: a redirect's model becomes its URL's query string (RedirectView), which must
   * not carry a member's email. Not a forward either: the page it forwards to gets its own.
   */
  private static boolean rendersAPage(@Nullable ModelAndView modelAndView) {
    if (modelAndView == null || modelAndView.wasCleared()) {
      return false;
    }
    String name = modelAndView.getViewName();
    if (name != null) {
      return !name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
          && !name.startsWith(UrlBasedViewResolver.FORWARD_URL_PREFIX);
    }
    return !(modelAndView.getView() instanceof SmartView view && view.isRedirectView());
  }
}
