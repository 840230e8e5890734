// Keeps the examples of the kinds asked for (-Dkind=kpi or -Dkind=kpi,rest-resource) and removes the others, with
// their tests.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

def examples = ['kpi': 'BigWinsKpi', 'credit-rule': 'InstantCreditRule', 'rest-resource': 'GreetingResource',
                'stage-model': 'RenewalsStageModel']
def kinds = request.properties.get('kind').split(',').collect { it.trim() }
def unknown = kinds.findAll { !examples.containsKey(it) }
if (!unknown.isEmpty()) {
    throw new IllegalArgumentException("kind must be one or more of ${examples.keySet()}, separated by commas; not ${unknown}")
}
def keep = kinds.collect { examples[it] }
Path project = Paths.get(request.outputDirectory, request.artifactId)
def sources = []
Files.walk(project.resolve('src')).withCloseable { files ->
    files.filter { Files.isRegularFile(it) && it.fileName.toString().endsWith('.java') }.forEach { sources << it }
}
sources.each { Path file ->
    def example = file.fileName.toString().replaceAll(/(Test|IT)?\.java$/, '')
    if (examples.containsValue(example) && !keep.contains(example)) {
        Files.delete(file)
    }
}
