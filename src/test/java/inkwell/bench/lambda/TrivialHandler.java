package inkwell.bench.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The reference for cold starts: a handler that does nothing and returns a constant. */
public final class TrivialHandler implements RequestHandler<Object, String> {

  @Override
  public String handleRequest(Object event, Context context) {
    return "ok";
  }
}
