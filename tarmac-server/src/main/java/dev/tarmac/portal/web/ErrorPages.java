package dev.tarmac.portal.web;

import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Browsers asking for a page that does not exist get the portal's error page, not a blank one. */
@Component
class ErrorPages implements ErrorViewResolver {

  @Override
  public ModelAndView resolveErrorView(
      jakarta.servlet.http.HttpServletRequest request,
      HttpStatus status,
      Map<String, Object> model) {
    return new ModelAndView("errorPage", model, status);
  }
}
