// Keeps the example of the kind asked for (-Dkind=...) and removes the others, with their tests.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

def examples = ['kpi': 'BigWinsKpi', 'credit-rule': 'InstantCreditRule', 'rest-resource': 'GreetingResource']
def kind = request.properties.get('kind')
def keep = examples[kind]
if (keep == null) {
    throw new IllegalArgumentException("kind must be one of ${examples.keySet()}, not '${kind}'")
}
Path project = Paths.get(request.outputDirectory, request.artifactId)
def sources = []
Files.walk(project.resolve('src')).withCloseable { files ->
    files.filter { Files.isRegularFile(it) && it.fileName.toString().endsWith('.java') }.forEach { sources << it }
}
sources.each { Path file ->
    def example = file.fileName.toString().replaceAll(/(Test|IT)?\.java$/, '')
    if (examples.containsValue(example) && example != keep) {
        Files.delete(file)
    }
}
