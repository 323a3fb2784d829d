def log = new File(basedir, 'build.log').text
assert log.contains('MIZAN-019 it.app.Greetings.setGreeting: affects = "greetings" names no context (the contexts are greeting).')
assert !new File(basedir, 'target/ts').exists()
