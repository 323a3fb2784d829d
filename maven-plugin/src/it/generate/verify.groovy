def hooks = new File(basedir, 'target/ts/hooks.ts').text
assert hooks.contains('export function useGreeting(')
assert hooks.contains('Changes the greeting.')   // the Javadoc, from the source roots
def log = new File(basedir, 'build.log').text
assert log.contains('files written to')
assert log.contains('no class changed')
