// aws-local-stepfunctions 3.0.0 declares node >= 22 for one API it uses, Promise.withResolvers (a Task's timeout
// race); the checks run on Node 20, so that one function is supplied here, exactly as specified, when missing.
if (typeof Promise.withResolvers !== "function") {
  Object.defineProperty(Promise, "withResolvers", {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
