# `sam build` runs one target per function (template.yaml: Metadata: BuildMethod: makefile) in a
# copy of this folder, with ARTIFACTS_DIR set to the function's package folder. Each target builds
# what Lambda runs and nothing else: the classes, plus the runtime jars in lib/. No tests, no
# Node, no browser: run `mvn -B verify` for those. Needs a JDK 17+, Maven and make.

MVN ?= mvn
MAVEN_FLAGS ?= -B -q

.PHONY: build-PublishFunction build-SiteFunction build-IndexFunction build-SearchFunction \
	lambda-package search-jars cdn-jars

build-PublishFunction build-SiteFunction: lambda-package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R target/classes/. "$(ARTIFACTS_DIR)/"
	cp target/dependency/*.jar "$(ARTIFACTS_DIR)/lib/"

# The search functions get Lucene as well: it is a provided dependency (pom.xml), so that the
# runtime jars above, which every function gets, never carry it.
build-SearchFunction: lambda-package search-jars
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R target/classes/. "$(ARTIFACTS_DIR)/"
	cp target/dependency/*.jar target/search-dependency/*.jar "$(ARTIFACTS_DIR)/lib/"

# The index function also invalidates the CDN after each batch: the CloudFront SDK module, provided
# like Lucene, goes into its package only.
build-IndexFunction: lambda-package search-jars cdn-jars
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R target/classes/. "$(ARTIFACTS_DIR)/"
	cp target/dependency/*.jar target/search-dependency/*.jar target/cdn-dependency/*.jar \
		"$(ARTIFACTS_DIR)/lib/"

# `clean` first: the copy sam build works in carries this folder's target/ along.
lambda-package:
	@test -n "$(ARTIFACTS_DIR)" || { echo "make: ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 2; }
	$(MVN) $(MAVEN_FLAGS) clean compile dependency:copy-dependencies \
		-DincludeScope=runtime -Dmdep.prependGroupId=true

search-jars: lambda-package
	$(MVN) $(MAVEN_FLAGS) dependency:copy-dependencies -DincludeScope=provided \
		-DincludeGroupIds=org.apache.lucene -DoutputDirectory=target/search-dependency \
		-Dmdep.prependGroupId=true

cdn-jars: lambda-package
	$(MVN) $(MAVEN_FLAGS) dependency:copy-dependencies -DincludeScope=provided \
		-DincludeGroupIds=software.amazon.awssdk -DincludeArtifactIds=cloudfront \
		-DoutputDirectory=target/cdn-dependency -Dmdep.prependGroupId=true
