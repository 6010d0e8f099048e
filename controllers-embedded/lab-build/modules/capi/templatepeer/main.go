// Command template-peer answers template questions with clusterctl's own
// template code (its yamlprocessor and the drone/envsubst library it uses), so
// that capi-console's Java implementation can be compared against it in tests.
//
// Protocol: one JSON request per stdin line, one JSON answer per stdout line.
//
//	{"op":"eval","template":"...","env":{"A":"x"}}       drone/envsubst Eval; unset names map to ""
//	{"op":"process","template":"...","env":{"A":"x"}}    clusterctl's SimpleProcessor.Process; unset names are missing
//	{"op":"variables","template":"..."}                  clusterctl's SimpleProcessor.GetVariableMap
//
// Answers: {"result":"..."} or {"error":"..."}; variables: {"variables":{"A":null,"B":"default"}}.
// A request that makes the library panic answers {"panic":"..."}.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/drone/envsubst/v2"
	"sigs.k8s.io/cluster-api/cmd/clusterctl/client/yamlprocessor"
)

type request struct {
	Op       string            `json:"op"`
	Template string            `json:"template"`
	Env      map[string]string `json:"env"`
}

type answer struct {
	Result    *string            `json:"result,omitempty"`
	Error     *string            `json:"error,omitempty"`
	Panic     *string            `json:"panic,omitempty"`
	Variables map[string]*string `json:"variables,omitempty"`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "template-peer: bad request:", err)
			os.Exit(2)
		}
		if err := encoder.Encode(handle(req)); err != nil {
			fmt.Fprintln(os.Stderr, "template-peer:", err)
			os.Exit(2)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "template-peer:", err)
		os.Exit(2)
	}
}

func handle(req request) (a answer) {
	defer func() {
		if r := recover(); r != nil {
			text := fmt.Sprint(r)
			a = answer{Panic: &text}
		}
	}()
	switch req.Op {
	case "eval":
		text, err := envsubst.Eval(req.Template, func(name string) string { return req.Env[name] })
		return resultOrError(text, err)
	case "process":
		lookup := func(name string) (string, error) {
			if value, ok := req.Env[name]; ok {
				return value, nil
			}
			return "", fmt.Errorf("%s not set", name)
		}
		text, err := yamlprocessor.NewSimpleProcessor().Process([]byte(req.Template), lookup)
		return resultOrError(string(text), err)
	case "variables":
		variables, err := yamlprocessor.NewSimpleProcessor().GetVariableMap([]byte(req.Template))
		if err != nil {
			message := err.Error()
			return answer{Error: &message}
		}
		if variables == nil {
			variables = map[string]*string{}
		}
		return answer{Variables: variables}
	default:
		message := "unknown op " + req.Op
		return answer{Error: &message}
	}
}

func resultOrError(text string, err error) answer {
	if err != nil {
		message := err.Error()
		return answer{Error: &message}
	}
	return answer{Result: &text}
}
